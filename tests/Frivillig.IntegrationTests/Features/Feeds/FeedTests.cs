using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Frivillig.IntegrationTests.Features.Activities;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Feeds;

public sealed class FeedTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private async Task<int> SeriesWithChangesAsync(string title, string date = "2027-03-18", bool withChanges = true)
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var path = $"/tromso/organisasjoner/{orgId}/aktiviteter/ny";
        var saved = await WebSession.AssertRedirectAsync(await session.PostFormAsync($"{path}?handler=Save", await new ActivityForm { Title = title, Date = date }.FieldsAsync(app), formPage: path));
        var id = int.Parse(saved.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ActivityStatus.Published, await app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        if (!withChanges)
        {
            return id;
        }

        var manage = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        // Cancel 25 March (last winter-time week) and move 8 April to the next day, 19:00.
        var cancel = new DateTimeOffset(2027, 3, 25, 17, 0, 0, TimeSpan.Zero).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WebSession.AssertRedirectAsync(await session.PostFormAsync($"{manage}/datoer?handler=CancelDate", new() { ["date"] = cancel, ["bekreftet"] = "ja" }, formPage: manage));
        var move = new DateTimeOffset(2027, 4, 8, 16, 0, 0, TimeSpan.Zero).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WebSession.AssertRedirectAsync(await session.PostFormAsync($"{manage}/datoer?handler=MoveDate", new() { ["date"] = move, ["newDate"] = "2027-04-09", ["newStart"] = "19:00", ["newEnd"] = "21:00" }, formPage: manage));

        // Both changes are stored, so what the feeds show is what the database holds.
        var changes = await app.DbAsync(db => db.DateChanges.Where(c => c.ActivityId == id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([true, false], changes.Select(c => c.Cancelled));
        Assert.Equal(new DateTimeOffset(2027, 4, 9, 17, 0, 0, TimeSpan.Zero), changes[1].NewStart);
        return id;
    }

    private async Task<string> FeedAsync(string url)
    {
        using var response = await app.NewSession().Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<(string Uid, string Start)> ExpandWithPythonIcalendar(string feed, string from, string to) => IcalParsers.Python(feed, from, to);

    private static List<(string Uid, string Start)> ExpandWithIcalJs(string feed, string from, string to) => IcalParsers.IcalJs(feed, from, to);

    [Fact]
    public async Task Python_icalendar_expands_the_feed_to_the_same_dates_as_the_api_across_the_spring_change()
    {
        var id = await SeriesWithChangesAsync("Feedtest vår");
        var feed = await FeedAsync("/ical/tromso.ics");
        Assert.Contains("BEGIN:VTIMEZONE", feed);
        Assert.Contains("TZID:Europe/Oslo", feed);
        Assert.DoesNotContain("\u2212", feed);

        var python = ExpandWithPythonIcalendar(feed, "2027-03-15", "2027-04-19");
        var api = (await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tromso/activities?from=2027-03-15&to=2027-04-19"))!
            .Where(o => o.GetProperty("status").GetString() != "cancelled")
            .Select(o => ($"activity-{o.GetProperty("activityId").GetInt32()}@frivillig", o.GetProperty("start").GetString()!))
            .ToList();
        Assert.Equal(api.Order().ToList(), python.Order().ToList());

        var mine = python.Where(p => p.Uid == $"activity-{id}@frivillig").Select(p => p.Start).ToList();
        Assert.Equal(["2027-03-18T18:00:00+01:00", "2027-04-01T18:00:00+02:00", "2027-04-09T19:00:00+02:00", "2027-04-15T18:00:00+02:00"], mine);
    }

    [Fact]
    public async Task Ical_js_expands_the_feed_to_the_same_dates_as_the_api_across_the_autumn_change()
    {
        var id = await SeriesWithChangesAsync("Feedtest høst", "2027-10-14", withChanges: false);
        var feed = await FeedAsync("/ical/tromso.ics");
        var js = ExpandWithIcalJs(feed, "2027-10-18", "2027-11-08");
        var api = (await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tromso/activities?from=2027-10-18&to=2027-11-08"))!
            .Where(o => o.GetProperty("status").GetString() != "cancelled")
            .Select(o => ($"activity-{o.GetProperty("activityId").GetInt32()}@frivillig", o.GetProperty("start").GetString()!))
            .ToList();
        Assert.Equal(api.Order().ToList(), js.Order().ToList());
        Assert.Equal(["2027-10-21T18:00:00+02:00", "2027-10-28T18:00:00+02:00", "2027-11-04T18:00:00+01:00"],
            js.Where(p => p.Uid == $"activity-{id}@frivillig").Select(p => p.Start));
    }

    [Fact]
    public async Task Ical_js_agrees_with_python_on_the_demo_feed_with_a_cancelled_date_and_a_moved_one()
    {
        await SeriesWithChangesAsync("Feedtest begge");
        var feed = await FeedAsync("/ical/tromso.ics");
        Assert.Equal(ExpandWithPythonIcalendar(feed, "2027-03-15", "2027-04-19").Order().ToList(), ExpandWithIcalJs(feed, "2027-03-15", "2027-04-19").Order().ToList());
    }

    [Fact]
    public async Task A_series_is_one_vevent_with_rrule_exdate_and_a_recurrence_id_event()
    {
        var id = await SeriesWithChangesAsync("Feedtest struktur");
        var feed = await FeedAsync($"/ical/tromso/activities/{id}.ics");
        Assert.Equal(2, CountOf(feed, "BEGIN:VEVENT"));
        Assert.Contains("RRULE:FREQ=WEEKLY", feed);
        Assert.Contains("EXDATE;TZID=Europe/Oslo:20270325T180000", feed);
        Assert.Contains("RECURRENCE-ID;TZID=Europe/Oslo:20270408T180000", feed);
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20270318T180000", feed);
        Assert.Equal(2, CountOf(feed, $"UID:activity-{id}@frivillig"));
        Assert.Contains("SEQUENCE:3", feed); // published, one date cancelled, one moved
        Assert.Contains("X-WR-CALNAME:", feed);
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H", feed);
        Assert.Contains("X-PUBLISHED-TTL:PT1H", feed);
        Assert.Contains("Rusfritt", feed);
    }

    [Fact]
    public async Task Hostile_text_cannot_add_a_property_or_an_event()
    {
        // Plain fields refuse line breaks; the Markdown description and the date note are where text can still be odd.
        var id = await app.DbAsync(db => db.Activities.Where(a => a.Title == "Leksehjelp").Select(a => a.Id).SingleAsync());
        await ActivityBuilder.EditAsync(app, id, d => d with
        {
            Summary = "Slutt\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Falsk; med, komma \\ og " + new string('æ', 200),
            Place = "Sted;X-INJECT:1,\\",
        });
        var feed = await FeedAsync($"/ical/tromso/activities/{id}.ics");
        Assert.Equal(1, CountOf(feed, "BEGIN:VEVENT"));
        Assert.DoesNotContain(feed.Split("\r\n"), l => l.StartsWith("SUMMARY:Falsk", StringComparison.Ordinal) || l.StartsWith("X-INJECT", StringComparison.Ordinal) || l == "END:VEVENT\r");
        Assert.DoesNotContain('\r', feed.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.All(feed.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75 || !line.StartsWith(' '), line));
        var python = ExpandWithPythonIcalendar(feed, "2026-01-01", "2027-12-31");
        Assert.All(python, p => Assert.Equal($"activity-{id}@frivillig", p.Uid));
    }

    [Fact]
    public async Task Feeds_answer_if_none_match_with_304_and_change_when_the_activity_changes()
    {
        var client = app.NewSession().Client;
        using var first = await client.GetAsync("/ical/tromso/districts/tromsoya.ics");
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/ical/tromso/districts/tromsoya.ics");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        await SeriesWithChangesAsync("Ny på Tromsøya", "2027-05-06", withChanges: false);
        using var changedRequest = new HttpRequestMessage(HttpMethod.Get, "/ical/tromso/districts/tromsoya.ics");
        changedRequest.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(changedRequest);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Ny på Tromsøya", await changed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/ical/tromso/districts/harestua.ics")]
    [InlineData($"/ical/tromso/organisations/{Demo.LunnerSportsClub}.ics")]
    [InlineData($"/ical/tromso/organisations/{Demo.PendingInTromso}.ics")]
    [InlineData("/ical/tromso/categories/ukjent.ics")]
    [InlineData("/ical/atlantis.ics")]
    public async Task Unknown_or_other_municipality_feeds_are_404(string url)
    {
        using var response = await app.NewSession().Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_municipality_activity_feed_is_404_and_narrow_feeds_are_narrow()
    {
        var lunnerActivity = await app.DbAsync(db => db.Activities.Where(a => a.Title == "Strikkekafé på Roa").Select(a => a.Id).SingleAsync());
        using (var response = await app.NewSession().Client.GetAsync($"/ical/tromso/activities/{lunnerActivity}.ics"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var district = await FeedAsync("/ical/tromso/districts/tromsoya.ics");
        Assert.Contains("Kaffetreff for eldre", district);
        Assert.DoesNotContain("Leksehjelp", district);
        var organisation = await FeedAsync($"/ical/tromso/organisations/{Demo.MentalHelse}.ics");
        Assert.Contains("Samtalegruppe", organisation);
        Assert.DoesNotContain("Kaffetreff", organisation);
        var category = await FeedAsync("/ical/tromso/categories/mat.ics");
        Assert.Contains("Søndagsmiddag", category);
        Assert.Contains("EXDATE", category); // the demo's cancelled Sunday
    }

    [Fact]
    public async Task Pages_offer_webcal_and_google_subscriptions_and_one_date_downloads()
    {
        var week = await app.NewSession().GetHtmlAsync("/tromso?district=kroken");
        Assert.Contains("webcal://frivillig.test/ical/tromso/districts/kroken.ics", week);
        Assert.Contains("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffrivillig.test%2Fical%2Ftromso%2Fdistricts%2Fkroken.ics", week);
        Assert.Contains("webcal://frivillig.test/ical/tromso.ics", await app.NewSession().GetHtmlAsync("/tromso"));

        var id = await SeriesWithChangesAsync("Last ned én dato", "2026-12-03", withChanges: false);
        var page = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}");
        Assert.Contains($"webcal://frivillig.test/ical/tromso/activities/{id}.ics", page);
        var ticks = new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero).UtcTicks;
        Assert.Contains($"/tromso/aktiviteter/{id}/kalender/{ticks}.ics", page);

        var one = await app.NewSession().Client.GetStringAsync($"/tromso/aktiviteter/{id}/kalender/{ticks}.ics");
        Assert.Equal(1, CountOf(one, "BEGIN:VEVENT"));
        Assert.DoesNotContain("RRULE:FREQ=WEEKLY", one); // (the VTIMEZONE has its own yearly rules)
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20261210T180000", one);
        var parsed = ExpandWithPythonIcalendar(one, "2026-12-01", "2026-12-31");
        Assert.Equal("2026-12-10T18:00:00+01:00", Assert.Single(parsed).Start);

        using var wrongDate = await app.NewSession().Client.GetAsync($"/tromso/aktiviteter/{id}/kalender/{ticks + 1}.ics");
        Assert.Equal(HttpStatusCode.NotFound, wrongDate.StatusCode);
        using var otherTenant = await app.NewSession().Client.GetAsync($"/lunner/aktiviteter/{id}/kalender/{ticks}.ics");
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
    }

    /// <summary>Whole content lines only: escaped text inside a DESCRIPTION is not a line of its own.</summary>
    private static int CountOf(string text, string line) => text.Split("\r\n").Count(l => l == line || (line.StartsWith("UID:", StringComparison.Ordinal) && l == line));
}
