using Frivillig.Web.Features.Activities.Manage;
using Frivillig.Web.Features.Calendar;

namespace Frivillig.UnitTests.Features.Calendar;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("turer", "tur")]
    [InlineData("turen", "tur")]
    [InlineData("banken", "bank")]
    [InlineData("bibliotekene", "bibliotek")]
    [InlineData("leksehjelpen", "leksehjelp")]
    [InlineData("møteplassene", "møteplass")]
    [InlineData("hjelp", "hjelp")]
    [InlineData("te", "te")]
    public void Norwegian_words_lose_their_endings_as_snowball_does(string word, string stem) =>
        Assert.Equal(stem, NorwegianStemmer.Stem(word));

    [Theory]
    [InlineData("bank\" OR \"x", new[] { "bank", "or", "x" })]
    [InlineData("NEAR(a b)", new[] { "near", "a", "b" })]
    [InlineData("title:bank*", new[] { "title", "bank" })]
    [InlineData("🙂 kaffe\0", new[] { "kaffe" })]
    [InlineData("  ", new string[0])]
    [InlineData("Åse Ødegård", new[] { "åse", "ødegård" })]
    public void Search_words_are_letters_and_digits_only(string text, string[] words) =>
        Assert.Equal(words, SearchWords.Split(text));

    [Fact]
    public void At_most_eight_words_are_searched() =>
        Assert.Equal(SearchWords.MaxWords, SearchWords.Split(string.Join(' ', Enumerable.Range(0, 50).Select(i => $"ord{i}"))).Count);

    [Theory]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+47 912 34 567", "\"'+47 912 34 567\"")]
    [InlineData("-x", "\"'-x\"")]
    [InlineData("@SUM(1)", "\"'@SUM(1)\"")]
    [InlineData("\tTab", "\"'\tTab\"")]
    [InlineData("Si \"hei\"", "\"Si \"\"hei\"\"\"")]
    [InlineData("Åse", "\"Åse\"")]
    [InlineData(null, "\"\"")]
    public void A_csv_cell_that_starts_like_a_formula_stays_text(string? value, string cell) =>
        Assert.Equal(cell, SignUpList.Cell(value));

    [Fact]
    public void A_csv_file_has_a_byte_order_mark_semicolons_and_crlf()
    {
        var bytes = SignUpList.Csv(["A", "B"], [["1", "2"]]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("\"A\";\"B\"\r\n\"1\";\"2\"\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
