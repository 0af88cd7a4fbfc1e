using Frivillig.Web.Features.Organisations;

namespace Frivillig.UnitTests.Features.Organisations;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("923609016")] // check digit 6
    [InlineData("952601814")]
    [InlineData("974760673")] // Brønnøysundregistrene's own example
    public void Valid_numbers_pass_the_mod11_check(string number) => Assert.True(OrganisationNumber.IsValid(number));

    [Theory]
    [InlineData("923609017")] // wrong check digit
    [InlineData("92360901")] // eight digits
    [InlineData("9236090160")] // ten digits
    [InlineData("92360901a")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("٩٢٣٦٠٩٠١٦")] // Arabic-Indic digits are not ASCII digits
    public void Invalid_numbers_fail(string? number) => Assert.False(OrganisationNumber.IsValid(number));

    [Fact]
    public void A_remainder_that_gives_check_digit_10_is_never_valid()
    {
        // Find a prefix whose check digit would be 10 and show no ninth digit makes it valid.
        var weights = new[] { 3, 2, 7, 6, 5, 4, 3, 2 };
        var prefix = Enumerable.Range(90000000, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(p => p.Select((c, i) => (c - '0') * weights[i]).Sum() % 11 == 1);
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(OrganisationNumber.IsValid(prefix + d)));
    }

    [Theory]
    [InlineData("923 609 016", "923609016")]
    [InlineData(" 923609016 ", "923609016")]
    public void Spaces_people_type_are_removed(string input, string expected)
    {
        Assert.True(OrganisationNumber.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }
}
