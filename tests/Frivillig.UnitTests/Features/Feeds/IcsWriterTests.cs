using System.Text;
using Frivillig.Web.Features.Feeds;

namespace Frivillig.UnitTests.Features.Feeds;

public sealed class IcsWriterTests
{
    [Theory]
    [InlineData("a;b", "a\\;b")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("a\r\nb\nc\rd", "a\\nb\\nc\\nd")]
    [InlineData("tab\there\u0000\u2028", "tab here")]
    public void Text_is_escaped(string value, string expected) => Assert.Equal(expected, IcsWriter.Escape(value));

    [Fact]
    public void A_value_with_line_breaks_stays_one_property()
    {
        var text = new IcsWriter().Text("SUMMARY", "x\r\nEND:VEVENT\r\nBEGIN:VEVENT").ToString();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("SUMMARY:", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character()
    {
        var value = string.Concat(Enumerable.Repeat("æøå😀", 60));
        var text = new IcsWriter().Text("DESCRIPTION", value).ToString();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 5);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(l))));
        var unfolded = string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..]));
        Assert.Equal("DESCRIPTION:" + value, unfolded);
    }
}
