using Frivillig.Web.Features.Activities;

namespace Frivillig.UnitTests.Features.Activities;

public sealed class MarkdownTextTests
{
    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var html = MarkdownText.ToHtml("Hei <script>alert(1)</script> og <img src=x onerror=alert(2)>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[klikk](javascript:alert(1))")]
    [InlineData("[klikk](JAVASCRIPT:alert(1))")]
    [InlineData("[klikk](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    public void Unsafe_links_are_defused(string markdown)
    {
        var html = MarkdownText.ToHtml(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ordinary_markdown_renders()
    {
        var html = MarkdownText.ToHtml("**Fet** og [nettside](https://example.no)\n\n- en\n- to");
        Assert.Contains("<strong>Fet</strong>", html);
        Assert.Contains("href=\"https://example.no\"", html);
        Assert.Contains("<li>en</li>", html);
    }
}
