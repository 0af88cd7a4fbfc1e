using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>Its own app: the clock moves to a Saturday, which the other print tests must not see.</summary>
public sealed class PrintOnWeekendTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task On_a_Saturday_the_print_shows_the_coming_week()
    {
        Assert.Equal("Uke 48, 23. november–29. november 2026", Heading(await app.NewSession().GetHtmlAsync("/tromso/utskrift?district=tromsoya")));

        app.Clock.Advance(TimeSpan.FromDays(3)); // Wednesday 25 November → Saturday 28 November
        Assert.Equal(DayOfWeek.Saturday, app.Today.DayOfWeek);
        var html = await app.NewSession().GetHtmlAsync("/tromso/utskrift?district=tromsoya&periode=uke"); // another address than the cached one
        Assert.Equal("Uke 49, 30. november–6. desember 2026", Heading(html));
        Assert.Contains("neste uke fra lørdag", html);
    }

    private static string Heading(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "Uke \\d+, [^·<]*\\d{4}");
        Assert.True(match.Success, "no week heading");
        return match.Value;
    }
}
