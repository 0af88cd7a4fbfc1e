using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Premises;
using Frivillig.Web.Features.Premises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Premises;

/// <summary>Members of approved organisations book through the form; managers decide; everyone concerned is told by mail.</summary>
public sealed class BookingFlowTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static Dictionary<string, string> Form(int roomId, int orgId, string kind, string first, string start, string end, string? last = null,
        string purpose = "Øving for koret", bool rules = true, int? activityId = null) => new()
    {
        ["Input.RoomId"] = roomId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.OrganisationId"] = orgId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ActivityId"] = activityId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ["Input.Kind"] = kind,
        ["Input.FirstDate"] = first,
        ["Input.LastDate"] = last ?? string.Empty,
        ["Input.Start"] = start,
        ["Input.End"] = end,
        ["Input.Purpose"] = purpose,
        ["Input.ContactName"] = "Kåre Koordinator",
        ["Input.ContactEmail"] = "kare.kontakt@eksempel.no",
        ["Input.RulesAccepted"] = rules ? "true" : "false",
    };

    private Task<int> ActiveBookingsAsync(int roomId) =>
        app.DbAsync(db => db.Bookings.CountAsync(b => b.RoomId == roomId && b.Status != BookingStatus.Rejected && b.Status != BookingStatus.Cancelled));

    [Fact]
    public async Task A_free_room_with_instant_approval_is_booked_at_once_and_the_contact_told()
    {
        var room = await app.RoomAsync(PremisesScene.MusicRoom);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var session = await app.SignInAsync(Demo.Coordinator);
        var response = await session.PostFormAsync($"/tromso/lokaler/{room.BuildingId}/bestill", Form(room.Id, org, "Once", "2026-12-09", "17:00", "19:00"));
        var location = (await WebSession.AssertRedirectAsync(response)).OriginalString;
        Assert.StartsWith($"/tromso/organisasjoner/{org}/lokaler?sendt=", location, StringComparison.Ordinal);
        Assert.Contains("er godkjent", await session.GetHtmlAsync(location));
        var mail = await app.Mail.WaitForAsync("kare.kontakt@eksempel.no", m => m.Subject!.StartsWith("Godkjent: Musikkrom", StringComparison.Ordinal));
        Assert.Contains("Musikkrom, Kroken skole", mail.Subject);
        Assert.Contains("onsdag 9. desember 2026 kl. 17:00–19:00", mail.TextBody);
    }

    [Fact]
    public async Task A_request_waits_in_the_queue_managers_are_told_and_the_requester_hears_the_decision()
    {
        var room = await app.RoomAsync(PremisesScene.Storsalen);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var session = await app.SignInAsync(Demo.Coordinator);
        var response = await session.PostFormAsync($"/tromso/lokaler/{room.BuildingId}/bestill", Form(room.Id, org, "Once", "2026-12-10", "18:00", "21:00", purpose: "Julebord uten alkohol"));
        await WebSession.AssertRedirectAsync(response);
        var id = await app.DbAsync(db => db.Bookings.Where(b => b.RoomId == room.Id && b.Purpose == "Julebord uten alkohol").Select(b => b.Id).SingleAsync());
        await app.Mail.WaitForAsync(Demo.TromsoPremisesManager, m => m.Subject!.Contains("Ny bookingforespørsel", StringComparison.Ordinal));

        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        var queue = await manager.GetHtmlAsync("/tromso/lokaler/forvaltning");
        Assert.Contains($"Booking {id}", queue);
        var take = await manager.PostFormAsync($"/tromso/lokaler/forvaltning/{id}?handler=Take", new());
        Assert.Contains("Du er saksbehandler", await WebSession.HtmlOf(take));
        var page = await manager.GetHtmlAsync($"/tromso/lokaler/forvaltning/{id}");
        Assert.Contains("Julebord uten alkohol", page);
        Assert.Contains("Tromsø Røde Kors", page);
        var approve = await manager.PostFormAsync($"/tromso/lokaler/forvaltning/{id}?handler=Approve", new());
        Assert.Contains("er godkjent", await WebSession.HtmlOf(approve));
        await app.Mail.WaitForAsync("kare.kontakt@eksempel.no", m => m.Subject!.Contains("Storsalen", StringComparison.Ordinal) && m.Subject.StartsWith("Godkjent", StringComparison.Ordinal));

        // A coordinator is not a premises manager.
        var refused = await session.Client.GetAsync("/tromso/lokaler/forvaltning");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, refused.StatusCode.ToString());
        Assert.DoesNotContain("Julebord", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weekly_series_shows_its_clashing_dates_first_and_is_sent_without_them()
    {
        var gym = await app.RoomAsync(PremisesScene.HalfB);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var session = await app.SignInAsync(Demo.Coordinator);
        // The demo's weekly Thursday 18–20 in the whole gym holds both halves.
        var form = Form(gym.Id, org, "Weekly", "2026-11-26", "19:00", "21:00", last: "2026-12-17");
        var check = await session.PostFormAsync($"/tromso/lokaler/{gym.BuildingId}/bestill?handler=Check", form);
        var html = await WebSession.HtmlOf(check);
        Assert.Contains("4 av 4 datoer kolliderer", html);
        Assert.Contains("Tiden er opptatt av booking", html);

        var refused = await session.PostFormAsync($"/tromso/lokaler/{gym.BuildingId}/bestill", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("kolliderer med andre bookinger", await WebSession.HtmlOf(refused));

        var later = Form(gym.Id, org, "Weekly", "2026-12-01", "19:00", "21:00", last: "2026-12-22");
        await app.RequestAsync(PremisesScene.Request(gym.Id, org, await app.UserIdAsync(Demo.Coordinator), new DateOnly(2026, 12, 8), new TimeOnly(20, 0), new TimeOnly(21, 0)));
        var withSkip = later.Append(new("Input.Skip", "2026-12-08")).ToList();
        var sent = await session.PostFormAsync($"/tromso/lokaler/{gym.BuildingId}/bestill", withSkip);
        await WebSession.AssertRedirectAsync(sent);
        var dates = await app.DbAsync(db => db.Bookings.Where(b => b.RoomId == gym.Id && b.Weekly).OrderByDescending(b => b.Id).Select(b => b.Dates.Select(d => d.StartsAt).ToList()).FirstAsync());
        Assert.Equal(3, dates.Count);
    }

    [Fact]
    public async Task A_season_application_is_allocated_becomes_bookings_at_once_and_the_activity_is_held_in_the_gym()
    {
        var gym = await app.RoomAsync(PremisesScene.Gym);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var activity = await new ActivityBuilder("Basket for ungdom").SaveAsync(app);
        var season = await app.DbAsync(db => db.Seasons.SingleAsync(s => s.Name == "Vår 2027" && db.Municipalities.Any(m => m.Id == s.MunicipalityId && m.Slug == Demo.Tromso)));
        var session = await app.SignInAsync(Demo.Coordinator);
        var first = season.StartsOn.AddDays(((int)DayOfWeek.Tuesday - (int)season.StartsOn.DayOfWeek + 7) % 7);
        var form = Form(gym.Id, org, "Season", first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "18:00", "20:00", activityId: activity.Id);
        var check = await WebSession.HtmlOf(await session.PostFormAsync($"/tromso/lokaler/{gym.BuildingId}/bestill?handler=Check", form));
        Assert.Contains("2 av 24 datoer kolliderer", check);
        var skips = System.Text.RegularExpressions.Regex.Matches(check, "name=\"Input.Skip\" value=\"([0-9-]+)\" checked").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, skips.Count);
        var sent = await session.PostFormAsync($"/tromso/lokaler/{gym.BuildingId}/bestill", form.Concat(skips.Select(s => new KeyValuePair<string, string>("Input.Skip", s))).ToList());
        await WebSession.AssertRedirectAsync(sent);
        var id = await app.DbAsync(db => db.Bookings.Where(b => b.SeasonId == season.Id && b.ActivityId == activity.Id).Select(b => b.Id).SingleAsync());
        Assert.Equal(0, await app.DbAsync(db => db.OccupiedSlots.CountAsync(s => s.BookingId == id)));

        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        Assert.Contains($"Booking {id}", await manager.GetHtmlAsync($"/tromso/lokaler/forvaltning/sesong/{season.Id}"));
        var allocated = await manager.PostFormAsync($"/tromso/lokaler/forvaltning/sesong/{season.Id}?handler=Allocate", new() { ["bookingId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("er tildelt", await WebSession.HtmlOf(allocated));
        Assert.Equal(BookingStatus.Approved, await app.DbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
        Assert.Equal(22 * 2, await app.DbAsync(db => db.OccupiedSlots.CountAsync(s => s.BookingId == id)));

        // Each date at 18:00 local time on both sides of the change to summer time (28 March 2027).
        var starts = await app.DbAsync(db => db.BookingDates.Where(d => d.BookingId == id).Select(d => d.StartsAt).ToListAsync());
        Assert.All(starts, s => Assert.Equal(18, TimeZoneInfo.ConvertTime(s, FrivilligApp.Oslo).Hour));
        Assert.Contains(starts, s => s.UtcDateTime.Hour == 17);
        Assert.Contains(starts, s => s.UtcDateTime.Hour == 16);

        var page = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{activity.Id}");
        Assert.Contains("Kroken skole, Gymsal (hel)", page);
        Assert.Contains("Lekkervegen 1", page);
        Assert.Contains("Trinnfri inngang", page);
    }

    [Fact]
    public async Task Cancelling_a_date_asks_first_frees_the_time_and_tells_those_concerned()
    {
        var room = await app.RoomAsync(PremisesScene.MusicRoom);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var user = await app.UserIdAsync(Demo.Coordinator);
        var booked = (await app.RequestAsync(PremisesScene.Request(room.Id, org, user, new DateOnly(2026, 12, 7), new TimeOnly(18, 0), new TimeOnly(19, 0), last: new DateOnly(2026, 12, 21)))).Booking!;
        var dateId = await app.DbAsync(db => db.BookingDates.Where(d => d.BookingId == booked.Id).OrderBy(d => d.StartsAt).Select(d => d.Id).FirstAsync());
        var session = await app.SignInAsync(Demo.Coordinator);
        var fields = new Dictionary<string, string> { ["bookingId"] = booked.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dateId"] = dateId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var ask = await session.PostFormAsync($"/tromso/organisasjoner/{org}/lokaler?handler=Cancel", fields, $"/tromso/organisasjoner/{org}/lokaler");
        Assert.Contains("Avbestille Musikkrom", await WebSession.HtmlOf(ask));
        Assert.Equal(3, await app.DbAsync(db => db.BookingDates.CountAsync(d => d.BookingId == booked.Id && !d.Cancelled)));

        fields["bekreftet"] = "ja";
        var done = await session.PostFormAsync($"/tromso/organisasjoner/{org}/lokaler?handler=Cancel", fields, $"/tromso/organisasjoner/{org}/lokaler");
        Assert.Contains("Datoen er avbestilt", await WebSession.HtmlOf(done));
        await app.Mail.WaitForAsync("kare@eksempel.no", m => m.Subject!.StartsWith("Avbestilt", StringComparison.Ordinal));
        Assert.NotNull((await app.RequestAsync(PremisesScene.Request(room.Id, org, user, new DateOnly(2026, 12, 7), new TimeOnly(18, 0), new TimeOnly(19, 0)))).Booking);
    }

    [Fact]
    public async Task Min_side_leads_members_to_their_bookings_and_managers_to_the_queue()
    {
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var member = await (await app.SignInAsync(Demo.Coordinator)).GetHtmlAsync("/konto");
        Assert.Contains($"href=\"/tromso/organisasjoner/{org}/lokaler\"", member);
        var manager = await (await app.SignInAsync(Demo.TromsoPremisesManager)).GetHtmlAsync("/konto");
        Assert.Contains("href=\"/tromso/lokaler/forvaltning\"", manager);
        var volunteer = await (await app.SignInAsync(Demo.Volunteer)).GetHtmlAsync("/konto");
        Assert.DoesNotContain("id=\"mine-lokaler\"", volunteer);
    }

    [Fact]
    public async Task A_rooms_feed_gives_local_times_in_the_municipalitys_zone_across_daylight_saving()
    {
        var gym = await app.RoomAsync(PremisesScene.Gym);
        var feed = await app.NewSession().Client.GetStringAsync($"/ical/tromso/rooms/{gym.FeedToken}.ics");
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo", feed);
        Assert.Contains("DTSTART;TZID=Europe/Oslo:", feed);
        Assert.DoesNotMatch(@"\r\nDT(START|END):\d{8}T\d{6}Z", feed);

        // Røde Kors holds the whole gym on Thursdays 18–20: every date starts at 18:00 Oslo time, in both parsers.
        foreach (var parsed in new[] { IcalParsers.Python(feed, "2026-11-25", "2027-12-31"), IcalParsers.IcalJs(feed, "2026-11-25", "2027-12-31") })
        {
            var thursdays = parsed.Where(e => DateTimeOffset.Parse(e.Start, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek == DayOfWeek.Thursday).ToList();
            Assert.NotEmpty(thursdays);
            Assert.All(thursdays, e => Assert.Equal(new TimeOnly(18, 0),
                TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(e.Start, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo")).DateTime)));
        }
    }

    [Fact]
    public async Task A_rooms_feed_for_staff_needs_its_secret_and_reads_in_another_parser()
    {
        var gym = await app.RoomAsync(PremisesScene.Gym);
        var feed = await app.NewSession().Client.GetStringAsync($"/ical/tromso/rooms/{gym.FeedToken}.ics");
        Assert.Contains("SUMMARY:Tromsø Røde Kors: Innebandy for ungdom", feed);
        Assert.Contains("STATUS:CONFIRMED", feed);
        Assert.NotEmpty(IcalParsers.Python(feed, "2026-11-25", "2027-12-31"));
        Assert.NotEmpty(IcalParsers.IcalJs(feed, "2026-11-25", "2027-12-31"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewSession().Client.GetAsync($"/ical/tromso/rooms/{new string('0', 40)}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewSession().Client.GetAsync($"/ical/kristiansand/rooms/{gym.FeedToken}.ics")).StatusCode);
    }
}

/// <summary>Access instructions on the app's clock: a class of its own, since it moves time forward.</summary>
public sealed class AccessInstructionsTests : IDisposable
{
    private readonly FrivilligApp app = new();

    [Fact]
    public async Task Access_instructions_go_to_the_contact_a_set_time_before_each_date_and_once()
    {
        var room = await app.RoomAsync(PremisesScene.Kitchen);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var outcome = await app.RequestAsync(PremisesScene.Request(room.Id, org, await app.UserIdAsync(Demo.Coordinator), new DateOnly(2026, 12, 14), new TimeOnly(17, 0), new TimeOnly(19, 0)));
        Assert.Equal(BookingStatus.Approved, outcome.Booking!.Status);
        var sender = app.Services.GetRequiredService<AccessInstructionsSender>();
        await sender.SendDueAsync(CancellationToken.None);
        Assert.DoesNotContain(app.Mail.To("kare@eksempel.no"), m => m.Subject!.StartsWith("Adgang", StringComparison.Ordinal));

        var clock = app.Clock;
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.Zero)); // 47 hours before
        await sender.SendDueAsync(CancellationToken.None); // the timer may have been first; either way the date is mailed once
        var mail = await app.Mail.WaitForAsync("kare@eksempel.no", m => m.Subject!.StartsWith("Adgang til Skolekjøkken", StringComparison.Ordinal));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Single(app.Mail.To("kare@eksempel.no"), m => m.Subject!.StartsWith("Adgang til Skolekjøkken", StringComparison.Ordinal));
        Assert.Contains("kode 4711", mail.TextBody);
        Assert.Contains("mandag 14. desember 2026 kl. 17:00", mail.TextBody);
    }

    public void Dispose() => app.Dispose();
}
