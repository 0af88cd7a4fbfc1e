using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>
/// The calendar opens on what is coming (today first, nothing already over), an empty result names the
/// next match, and search covers title, description, place, organiser and category, in each database's
/// own full-text search, with Norwegian endings. Runs on SQLite and PostgreSQL alike.
/// </summary>
public sealed partial class WhatsOnNextTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    // The tests' clock: Wednesday 25 November 2026, 12:00 in Tromsø.
    private DateOnly Today => app.Today;

    [Fact]
    public async Task The_calendar_opens_today_and_leaves_out_what_is_over()
    {
        var over = await Scenery.ActivityAsync(app, "Frokostklubb som var i morges", Today, 8, district: "kaldfjord");
        var later = await Scenery.ActivityAsync(app, "Kveldskaffe senere i dag", Today, 18, district: "kaldfjord");
        var yesterday = await Scenery.ActivityAsync(app, "Strikking i går", Today.AddDays(-1), 18, district: "kaldfjord");

        foreach (var view in new[] { "", "&visning=liste" })
        {
            var html = await app.NewSession().GetHtmlAsync($"/tromso?district=kaldfjord{view}");
            Assert.Contains(view.Length == 0 ? "I dag, onsdag 25. november" : "<span>I dag</span>", html);
            Assert.Contains($"/tromso/aktiviteter/{later}\"", html);
            Assert.DoesNotContain($"/tromso/aktiviteter/{over}\"", html);
            Assert.DoesNotContain($"/tromso/aktiviteter/{yesterday}\"", html);
            Assert.DoesNotContain("tirsdag 24. november", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Forrige periode", html);
        }

        // A period asked for by date still shows that period, with a way back.
        var next = await app.NewSession().GetHtmlAsync($"/tromso?district=kaldfjord&from={Today.AddDays(7):yyyy-MM-dd}&to={Today.AddDays(14):yyyy-MM-dd}");
        Assert.Contains("Forrige periode", next);
    }

    [Fact]
    public async Task An_empty_result_names_the_next_matching_date_and_links_to_it()
    {
        var date = Today.AddDays(19);
        var id = await Scenery.ActivityAsync(app, "Seniordans på Sommarøy", date, 17, district: "sommaroy", targets: ["eldre"]);
        var html = await app.NewSession().GetHtmlAsync("/tromso?district=sommaroy&target=eldre");
        Assert.Contains("0 aktiviteter i perioden.", html);
        Assert.Contains("Neste som passer:", html);
        var link = NextLink().Match(html);
        Assert.True(link.Success, "no link to the next match");
        Assert.Contains($"from={date:yyyy-MM-dd}", WebUtility.HtmlDecode(link.Groups[1].Value));
        var there = await app.NewSession().GetHtmlAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Contains($"/tromso/aktiviteter/{id}\"", there);

        var nothing = await app.NewSession().GetHtmlAsync("/tromso?district=sommaroy&target=barn");
        Assert.Contains("Ingenting som passer det neste året", nothing);
    }

    [Fact]
    public async Task One_activity_is_one_aktivitet_not_aktiviteter()
    {
        await Scenery.ActivityAsync(app, "Eneste i Tromsdalen i dag", Today, 19, district: "tromsdalen", category: "friluft");
        var html = await app.NewSession().GetHtmlAsync($"/tromso?district=tromsdalen&category=friluft&from={Today:yyyy-MM-dd}&to={Today.AddDays(1):yyyy-MM-dd}");
        Assert.Contains("1 aktivitet i perioden.", html);
    }

    [Theory]
    [InlineData("bank", "Digital hjelp", "Vi hjelper deg med BankID og helsenorge.")]
    [InlineData("turer", "Tur i marka", "Fine stier.")]
    [InlineData("bibliotekene", "Lesesirkel", "Vi møtes på biblioteket.")]
    [InlineData("leksehjelpen", "Leksehjelp på biblioteket", "Ta med skolesekken.")]
    public async Task Search_finds_words_in_the_description_with_any_norwegian_ending(string query, string title, string description)
    {
        var unique = $"{title} {Guid.NewGuid().ToString("N")[..6]}";
        var id = await Scenery.ActivityAsync(app, unique, Today.AddDays(2), 18, description);
        var html = await app.NewSession().GetHtmlAsync($"/tromso?q={Uri.EscapeDataString(query)}");
        Assert.Contains($"/tromso/aktiviteter/{id}\"", html);
        var api = await app.NewSession().GetHtmlAsync($"/api/v1/tromso/activities?q={Uri.EscapeDataString(query)}");
        Assert.Contains($"\"activityId\":{id},", api);
    }

    [Fact]
    public async Task Search_finds_the_place_the_organiser_and_the_category()
    {
        var address = await Scenery.ActivityAsync(app, "Brettspillkveld", Today.AddDays(3), 18, address: new PostalAddress("Sjøgata 12", "9008", "Tromsø"));
        var organiser = await Scenery.ActivityAsync(app, "Onsdagstreff", Today.AddDays(3), 18, organisation: Demo.MentalHelse);
        var category = await Scenery.ActivityAsync(app, "Kodeklubb", Today.AddDays(3), 18, category: "digital-hjelp");

        Assert.Contains($"/tromso/aktiviteter/{address}\"", await app.NewSession().GetHtmlAsync("/tromso?q=sj%C3%B8gata"));
        Assert.Contains($"/tromso/aktiviteter/{organiser}\"", await app.NewSession().GetHtmlAsync("/tromso?q=mental+helse"));
        Assert.Contains($"/tromso/aktiviteter/{category}\"", await app.NewSession().GetHtmlAsync("/tromso?q=digital"));
        // Every word must be found: a word from nowhere narrows to nothing.
        Assert.DoesNotContain($"/tromso/aktiviteter/{address}\"", await app.NewSession().GetHtmlAsync("/tromso?q=brettspill+xylofon"));
    }

    [Fact]
    public async Task A_renamed_activity_is_found_by_its_new_words_and_not_its_old_ones()
    {
        var id = await Scenery.ActivityAsync(app, "Gammeltittel", Today.AddDays(4), 18);
        await ActivityBuilder.EditAsync(app, id, d => d with { Title = "Nytittelord" });
        Assert.Contains($"/tromso/aktiviteter/{id}\"", await app.NewSession().GetHtmlAsync("/tromso?q=nytittelord"));
        Assert.DoesNotContain($"/tromso/aktiviteter/{id}\"", await app.NewSession().GetHtmlAsync("/tromso?q=gammeltittel"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("bank\" OR \"")]
    [InlineData("NEAR(bank hjelp)")]
    [InlineData("title:bank")]
    [InlineData("*")]
    [InlineData("bank & | ! :*")]
    [InlineData("og i på")]
    [InlineData("🙂")]
    [InlineData("'; DROP TABLE Activities; --")]
    public async Task Search_syntax_typed_by_anyone_is_only_words(string query)
    {
        using var page = await app.NewSession().Client.GetAsync($"/tromso?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var api = await app.NewSession().Client.GetAsync($"/api/v1/tromso/activities?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task On_a_phone_the_filters_fold_into_a_disclosure_that_needs_no_script()
    {
        var html = await app.NewSession().GetHtmlAsync("/tromso");
        Assert.Matches(FilterDisclosure(), html);
        // Open while a filter is in use, so the person sees what narrows the list.
        Assert.Matches(OpenDisclosure(), await app.NewSession().GetHtmlAsync("/tromso?district=kroken"));
    }

    [GeneratedRegex("Neste som passer: <a href=\"([^\"]+)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("<details class=\"filter-disclosure\"[^>]*>\\s*<summary>")]
    private static partial Regex FilterDisclosure();

    [GeneratedRegex("<details class=\"filter-disclosure\" open=\"open\"")]
    private static partial Regex OpenDisclosure();
}
