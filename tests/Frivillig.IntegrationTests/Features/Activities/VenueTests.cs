using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Activities;

/// <summary>
/// A feature that knows where an activity is held (premises: the room booked for it) tells the
/// activity's page, its JSON-LD Place and its feed entry, without touching the activity feature; and
/// a feature with events of a person's own adds them to the personal feed the same way.
/// </summary>
public sealed class VenueTests : IDisposable
{
    private static int _activityId;
    private readonly FrivilligApp _app = new FrivilligApp().WithServices(s =>
    {
        s.AddSingleton<IVenueSource, KnownVenue>();
        s.AddSingleton<IPersonalFeedSource, ExtraEvent>();
    });

    private sealed class KnownVenue : IVenueSource
    {
        public Task<IReadOnlyDictionary<int, Venue>> FindAsync(IReadOnlyCollection<int> activityIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<int, Venue>>(activityIds.Where(id => id == _activityId).ToDictionary(id => id,
                _ => new Venue("Kroken skole, gymsal", "Lekkervegen 1", "9022", "Tromsø", 69.6891, 19.0156, ["Trinnfri inngang", "Teleslynge"])));
    }

    private sealed class ExtraEvent : IPersonalFeedSource
    {
        public Task<PersonalFeedPart> ReadAsync(AppUser user, CancellationToken cancellationToken) =>
            Task.FromResult(new PersonalFeedPart(["Europe/Oslo"], w => w.Line("BEGIN", "VEVENT").Text("UID", "vakt-1@frivillig").Utc("DTSTAMP", FrivilligApp.Now)
                .Local("DTSTART", "Europe/Oslo", new DateTime(2026, 12, 1, 17, 0, 0)).Local("DTEND", "Europe/Oslo", new DateTime(2026, 12, 1, 19, 0, 0))
                .Text("SUMMARY", "Vakt: kaffevert").Line("END", "VEVENT")));
    }

    [Fact]
    public async Task An_activity_held_in_a_known_venue_shows_its_address_map_and_accessibility_in_page_json_ld_and_feed()
    {
        var (id, date) = await new ActivityBuilder("I gymsalen").SaveAsync(_app);
        _activityId = id;

        var page = await _app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}");
        Assert.Contains("Lekkervegen 1, 9022 Tromsø", page);
        Assert.Contains("https://www.openstreetmap.org/?mlat=69.6891&amp;mlon=19.0156", page);
        Assert.Contains("Teleslynge", page);

        var jsonLd = System.Text.RegularExpressions.Regex.Match(page, "<script type=\"application/ld\\+json\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var location = JsonDocument.Parse(jsonLd).RootElement.GetProperty("location");
        Assert.Equal("Kroken skole, gymsal", location.GetProperty("name").GetString());
        Assert.Equal("Lekkervegen 1", location.GetProperty("address").GetProperty("streetAddress").GetString());
        Assert.Equal(69.6891, location.GetProperty("geo").GetProperty("latitude").GetDouble());

        var feed = await _app.NewSession().Client.GetStringAsync($"/ical/tromso/activities/{id}.ics");
        Assert.Contains("LOCATION:Kroken skole\\, gymsal\\, Lekkervegen 1\\, 9022 Tromsø", feed);
        Assert.Contains("GEO:69.6891;19.0156", feed);
        Assert.Single(IcalParsers.Python(feed, FrivilligApp.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "2027-12-31"));
        _ = date;
    }

    [Fact]
    public async Task A_features_own_events_join_the_personal_feed()
    {
        var session = await _app.SignInAsync(Demo.Volunteer);
        var page = await session.PostFormAsync("/konto?handler=CalendarLink", new() { ["bekreftet"] = "ja" });
        var html = await WebSession.HtmlOf(page);
        var address = System.Text.RegularExpressions.Regex.Match(html, "value=\"(http://frivillig.test/ical/me/[^\"]+)\"").Groups[1].Value;
        var feed = await _app.NewSession().Client.GetStringAsync(address["http://frivillig.test".Length..]);
        Assert.Contains("UID:vakt-1@frivillig", feed);
        Assert.Contains("SUMMARY:Vakt: kaffevert", feed);
        Assert.Equal(1, feed.Split("BEGIN:VTIMEZONE").Length - 1);
    }

    public void Dispose() => _app.Dispose();
}
