using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Frivillig.Web.Features.Activities;

/// <summary>
/// Descriptions are Markdown written by organisations. Raw HTML is not rendered (it shows as text),
/// and links keep only http, https and mailto, so no script URL can reach a resident's browser.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <summary>True when the text can be shown: Markdig refuses input nested deeper than its limit.</summary>
    public static bool IsRenderable(string? markdown)
    {
        try
        {
            _ = Render(markdown);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The description as HTML; text the parser cannot take is shown as plain paragraphs instead.</summary>
    public static string ToHtml(string? markdown)
    {
        try
        {
            return Render(markdown);
        }
        catch (ArgumentException)
        {
            return string.Concat(markdown!.ReplaceLineEndings("\n").Split("\n\n").Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>"));
        }
    }

    private static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }

            link.IsImage = false; // No remote images: they leak readers' addresses and rarely have alt text.
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(autolink.Url))
            {
                autolink.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith('/') || url.StartsWith('#'));
}
