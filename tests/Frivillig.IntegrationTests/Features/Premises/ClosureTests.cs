using System.Globalization;
using System.Net;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Premises;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Premises;

/// <summary>A closure shows wherever free times show: the building's table, the API, "free at", the request page and its approval.</summary>
public sealed class ClosureTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> CloseAsync(WebSession manager, int buildingId, string from, string to, string reason, int? roomId = null) =>
        await manager.PostFormAsync("/tromso/lokaler/forvaltning?handler=Closure", new()
        {
            ["Closure.BuildingId"] = Id(buildingId), ["Closure.RoomId"] = roomId is { } r ? Id(r) : string.Empty, ["Closure.From"] = from, ["Closure.To"] = to, ["Closure.Reason"] = reason,
        });

    [Fact]
    public async Task A_closed_building_shows_closed_days_in_the_table_and_the_api_and_is_not_free_at_those_times()
    {
        var music = await app.RoomAsync(PremisesScene.MusicRoom);
        var session = app.NewSession();
        const string freeAt = "date=2027-02-02&from=17:00&to=18:00";
        Assert.Contains("Musikkrom", await session.GetHtmlAsync($"/tromso/lokaler?district=kroken&{freeAt}"));

        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        var closed = await CloseAsync(manager, music.BuildingId, "2027-02-01", "2027-02-03", "Vinterferie");
        Assert.Equal("/tromso/lokaler/forvaltning", (await WebSession.AssertRedirectAsync(closed)).OriginalString);
        Assert.Contains("er stengt for booking 1. februar–3. februar 2027", WebUtility.HtmlDecode(await manager.GetHtmlAsync("/tromso/lokaler/forvaltning")), StringComparison.Ordinal);

        var table = WebUtility.HtmlDecode(await session.GetHtmlAsync($"/tromso/lokaler/{music.BuildingId}?fra=2027-02-01"));
        Assert.Contains("Stengt: Vinterferie", table, StringComparison.Ordinal);
        Assert.DoesNotContain("17:00–21:00</td>", table[..table.IndexOf("torsdag 4. februar", StringComparison.Ordinal)], StringComparison.Ordinal);

        Assert.DoesNotContain("Musikkrom", await session.GetHtmlAsync($"/tromso/lokaler?district=kroken&{freeAt}"));
        var list = await session.Client.GetStringAsync($"/api/v1/tromso/premises?{freeAt}");
        Assert.DoesNotContain("Kroken skole", list, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/v1/tromso/premises/{music.BuildingId}/availability?from=2027-02-01&to=2027-02-08"));
        var rooms = json.RootElement.GetProperty("rooms").EnumerateArray().ToList();
        Assert.NotEmpty(rooms);
        Assert.All(rooms, r => Assert.Equal("Vinterferie", Assert.Single(r.GetProperty("closures").EnumerateArray()).GetProperty("reason").GetString()));
        var room = rooms.Single(r => r.GetProperty("roomId").GetInt32() == music.Id);
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.FromHours(1)), room.GetProperty("closures")[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 2, 4, 0, 0, 0, TimeSpan.FromHours(1)), room.GetProperty("closures")[0].GetProperty("end").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_closed_half_closes_the_whole_gym_in_the_api_but_not_the_other_half()
    {
        var half = await app.RoomAsync(PremisesScene.HalfA);
        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        await WebSession.AssertRedirectAsync(await CloseAsync(manager, half.BuildingId, "2027-03-03", "2027-03-03", "Nytt gulv", half.Id));

        using var json = JsonDocument.Parse(await app.NewSession().Client.GetStringAsync($"/api/v1/tromso/premises/{half.BuildingId}/availability?from=2027-03-01&to=2027-03-08"));
        var closures = json.RootElement.GetProperty("rooms").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("closures").GetArrayLength());
        Assert.Equal(1, closures[PremisesScene.HalfA]);
        Assert.Equal(1, closures[PremisesScene.Gym]);
        Assert.Equal(0, closures[PremisesScene.HalfB]);
        Assert.Equal(0, closures[PremisesScene.MusicRoom]);
    }

    [Fact]
    public async Task Closing_over_a_pending_request_warns_the_manager_and_the_request_cannot_be_approved()
    {
        var half = await app.RoomAsync(PremisesScene.HalfB);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var user = await app.UserIdAsync(Demo.Coordinator);
        var outcome = await app.RequestAsync(PremisesScene.Request(half.Id, org, user, new DateOnly(2027, 4, 12), new TimeOnly(18, 0), new TimeOnly(19, 0), purpose: "Volleyball"));
        var id = outcome.Booking!.Id;
        Assert.Equal(BookingStatus.Pending, outcome.Booking.Status);

        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        await WebSession.AssertRedirectAsync(await CloseAsync(manager, half.BuildingId, "2027-04-12", "2027-04-12", "Strømbrudd"));
        var queue = WebUtility.HtmlDecode(await manager.GetHtmlAsync("/tromso/lokaler/forvaltning"));
        Assert.Contains("1 bookinger og forespørsler har datoer i perioden", queue, StringComparison.Ordinal);
        Assert.Contains($"booking {id} (Tromsø Røde Kors, venter på behandling: 12. april 18:00)", queue, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await manager.GetHtmlAsync($"/tromso/lokaler/forvaltning/{id}"));
        Assert.Contains("stengt (Strømbrudd)", page, StringComparison.Ordinal);
        var approve = WebUtility.HtmlDecode(await WebSession.HtmlOf(await manager.PostFormAsync($"/tromso/lokaler/forvaltning/{id}?handler=Approve", new())));
        Assert.Contains("Kan ikke godkjennes: 1 av datoene er i en stengt periode.", approve, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Pending, await app.DbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_season_application_with_a_date_in_a_later_closure_is_not_allocated()
    {
        var half = await app.RoomAsync(PremisesScene.HalfB);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var user = await app.UserIdAsync(Demo.Coordinator);
        var season = await app.DbAsync(db => db.Seasons.SingleAsync(s => s.Name == "Vår 2027" && db.Municipalities.Any(m => m.Id == s.MunicipalityId && m.Slug == Demo.Tromso)));
        var first = season.StartsOn.AddDays(((int)DayOfWeek.Wednesday - (int)season.StartsOn.DayOfWeek + 7) % 7);
        var outcome = await app.RequestAsync(PremisesScene.Request(half.Id, org, user, first, new TimeOnly(19, 0), new TimeOnly(20, 0), last: first.AddDays(21), purpose: "Badminton",
            seasonId: season.Id));
        var id = outcome.Booking!.Id;
        Assert.Equal(BookingStatus.Applied, outcome.Booking.Status);

        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        var day = first.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await WebSession.AssertRedirectAsync(await CloseAsync(manager, half.BuildingId, day, day, "Eksamen", half.Id));
        var allocated = WebUtility.HtmlDecode(await WebSession.HtmlOf(await manager.PostFormAsync($"/tromso/lokaler/forvaltning/sesong/{season.Id}?handler=Allocate",
            new() { ["bookingId"] = Id(id) })));
        Assert.Contains($"Booking {id} kan ikke tildeles: 1 av datoene er i en stengt periode.", allocated, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Applied, await app.DbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_request_page_says_the_status_in_norwegian_and_a_decided_request_cannot_be_taken()
    {
        var half = await app.RoomAsync(PremisesScene.HalfA);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var user = await app.UserIdAsync(Demo.Coordinator);
        var outcome = await app.RequestAsync(PremisesScene.Request(half.Id, org, user, new DateOnly(2027, 5, 10), new TimeOnly(18, 0), new TimeOnly(19, 0), purpose: "Håndball"));
        var id = outcome.Booking!.Id;
        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        var page = await manager.GetHtmlAsync($"/tromso/lokaler/forvaltning/{id}");
        Assert.Contains("<dd>Venter på behandling</dd>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Pending", page, StringComparison.Ordinal);

        var reject = await manager.PostFormAsync($"/tromso/lokaler/forvaltning/{id}?handler=Reject", new() { ["Reason"] = "Hallen er opptatt" });
        Assert.Contains("er avslått", WebUtility.HtmlDecode(await WebSession.HtmlOf(reject)), StringComparison.Ordinal);
        Assert.Contains("<dd>Ikke godkjent</dd>", WebUtility.HtmlDecode(await manager.GetHtmlAsync($"/tromso/lokaler/forvaltning/{id}")), StringComparison.Ordinal);

        var handlerBefore = await app.DbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.CaseHandlerUserId).SingleAsync());
        var take = WebUtility.HtmlDecode(await WebSession.HtmlOf(await manager.PostFormAsync($"/tromso/lokaler/forvaltning/{id}?handler=Take", new())));
        Assert.Contains("allerede behandlet, så det er ingen sak å ta", take, StringComparison.Ordinal);
        Assert.DoesNotContain("Du er saksbehandler", take, StringComparison.Ordinal);
        Assert.Equal(handlerBefore, await app.DbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.CaseHandlerUserId).SingleAsync()));
    }

    [Fact]
    public async Task Dates_out_of_range_unknown_districts_and_windows_over_a_year_get_clear_messages()
    {
        var session = app.NewSession();
        foreach (var url in new[] { "/api/v1/tromso/premises/1/availability?from=9999-12-31", "/api/v1/tromso/premises/1/availability?from=0001-01-01",
            "/api/v1/tromso/premises?date=9999-12-31&from=17:00&to=18:00" })
        {
            var response = await session.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("Datoen må være mellom 2000-01-01 og 2100-12-31.", body, StringComparison.Ordinal);
            Assert.DoesNotContain("ÅÅÅÅ-MM-DD", body, StringComparison.Ordinal);
        }

        var page = WebUtility.HtmlDecode(await session.GetHtmlAsync("/tromso/lokaler?date=0001-01-01&from=17:00&to=18:00"));
        Assert.Contains("Datoen må være mellom 2000-01-01 og 2100-12-31.", page, StringComparison.Ordinal);

        var district = await session.Client.GetAsync("/api/v1/tromso/premises?district=nowhere");
        Assert.Equal(HttpStatusCode.BadRequest, district.StatusCode);
        Assert.Equal("application/problem+json", district.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Ukjent bydel.", await district.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Ukjent bydel.", WebUtility.HtmlDecode(await session.GetHtmlAsync("/tromso/lokaler?district=nowhere")), StringComparison.Ordinal);

        var yearAndADay = await session.Client.GetAsync("/api/v1/tromso/premises/1/availability?from=2027-01-01&to=2028-01-02");
        Assert.Equal(HttpStatusCode.BadRequest, yearAndADay.StatusCode);
        Assert.Contains("Perioden kan være høyst ett år.", await yearAndADay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/tromso/premises/1/availability?from=2027-01-01&to=2028-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.Client.GetAsync("/api/v1/tromso/activities?from=2027-01-01&to=2028-01-02")).StatusCode);
    }

    [Fact]
    public async Task A_closure_from_the_distant_past_is_told_on_the_first_day_and_allocating_a_foreign_booking_is_not_an_application()
    {
        var music = await app.RoomAsync(PremisesScene.MusicRoom);
        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        var bad = WebUtility.HtmlDecode(await WebSession.HtmlOf(await CloseAsync(manager, music.BuildingId, "0001-01-01", "2027-01-01", "Gammelt")));
        Assert.Matches("id=\"Closure_From-error\"[^>]*>[^<]*Første dag kan ikke være i fortiden.", bad);
        Assert.DoesNotContain("id=\"Closure_To-error\"", bad, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Closures.AnyAsync(c => c.Reason == "Gammelt")));

        var season = await app.DbAsync(db => db.Seasons.SingleAsync(s => s.Name == "Vår 2027" && db.Municipalities.Any(m => m.Id == s.MunicipalityId && m.Slug == Demo.Tromso)));
        var pending = await app.DbAsync(db => db.Bookings.Where(b => b.SeasonId == null).Select(b => b.Id).FirstAsync());
        foreach (var bookingId in new[] { Id(pending), "99999", "-1" })
        {
            var html = WebUtility.HtmlDecode(await WebSession.HtmlOf(await manager.PostFormAsync($"/tromso/lokaler/forvaltning/sesong/{season.Id}?handler=Allocate", new() { ["bookingId"] = bookingId })));
            Assert.Contains("Det er ingen søknad med dette nummeret i sesongen.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("allerede behandlet", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_season_application_with_a_first_date_after_the_season_and_no_last_date_is_told_the_last_date_is_missing()
    {
        var gym = await app.RoomAsync(PremisesScene.Gym);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var season = await app.DbAsync(db => db.Seasons.SingleAsync(s => s.Name == "Vår 2027" && db.Municipalities.Any(m => m.Id == s.MunicipalityId && m.Slug == Demo.Tromso)));
        var session = await app.SignInAsync(Demo.Coordinator);
        var response = await session.PostFormAsync($"/tromso/lokaler/{gym.BuildingId}/bestill", new()
        {
            ["Input.RoomId"] = Id(gym.Id), ["Input.OrganisationId"] = Id(org), ["Input.Kind"] = "Season",
            ["Input.FirstDate"] = season.EndsOn.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.LastDate"] = string.Empty,
            ["Input.Start"] = "18:00", ["Input.End"] = "19:00", ["Input.Purpose"] = "Trening", ["Input.ContactName"] = "Kåre", ["Input.ContactEmail"] = "kare@eksempel.no",
            ["Input.RulesAccepted"] = "true",
        });
        var html = WebUtility.HtmlDecode(await WebSession.HtmlOf(response));
        Assert.Contains("Siste dato mangler.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Siste dato kan ikke være før første dato.", html, StringComparison.Ordinal);
    }
}
