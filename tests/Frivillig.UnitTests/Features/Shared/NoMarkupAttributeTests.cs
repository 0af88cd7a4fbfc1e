using Frivillig.Web;

namespace Frivillig.UnitTests.Features.Shared;

public sealed class NoMarkupAttributeTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hei <img src=x onerror=alert(1)>")]
    [InlineData("</b>")]
    [InlineData("<!-- x -->")]
    [InlineData("javascript:alert(1)")]
    [InlineData("linje\r\nBCC: x@y")]
    [InlineData("tab\u0000null")]
    public void Markup_and_control_characters_are_refused(string value) => Assert.False(new NoMarkupAttribute().IsValid(value));

    [Theory]
    [InlineData("Tromsø Røde Kors")]
    [InlineData("3 < 5 og 7 > 6 er sant")]
    [InlineData("Kaffe & vafler")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_passes(string? value) => Assert.True(new NoMarkupAttribute().IsValid(value));

    [Fact]
    public void Line_breaks_are_allowed_only_where_asked_for()
    {
        Assert.True(new NoMarkupAttribute { AllowLineBreaks = true }.IsValid("Første linje\r\nAndre linje"));
        Assert.False(new NoMarkupAttribute().IsValid("Første linje\nAndre linje"));
    }
}
