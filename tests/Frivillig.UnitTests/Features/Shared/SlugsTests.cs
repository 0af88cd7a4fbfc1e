using Frivillig.Web;

namespace Frivillig.UnitTests.Features.Shared;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Tromsø Røde Kors", "tromso-rode-kors")]
    [InlineData("Blå Kors – Kristiansand", "bla-kors-kristiansand")]
    [InlineData("Ærlige Ålesundere", "aerlige-alesundere")]
    [InlineData("  Café  Ünïcode!! ", "cafe-unicode")]
    [InlineData("<script>", "script")]
    public void Norwegian_names_become_readable_slugs(string name, string slug) => Assert.Equal(slug, Slugs.From(name));

    [Fact]
    public void Slugs_are_cut_to_length_without_a_trailing_dash()
    {
        var slug = Slugs.From(new string('a', 59) + " bbb");
        Assert.Equal(new string('a', 59), slug);
    }

    [Theory]
    [InlineData("bodo", true)]
    [InlineData("mo-i-rana", true)]
    [InlineData("Bodo", false)]
    [InlineData("-bodo", false)]
    [InlineData("b", false)]
    [InlineData("bod ø", false)]
    public void Slug_validity(string slug, bool valid) => Assert.Equal(valid, Slugs.IsValid(slug));
}
