using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Premises;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Premises;

/// <summary>Every kind of bad booking gets a clear message beside its field and changes nothing.</summary>
public sealed class BadBookingTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static Dictionary<string, string> Form(int roomId, int orgId, string first, string start, string end, string kind = "Once", string? last = null,
        string purpose = "Trening", string contact = "Kåre", bool rules = true) => new()
    {
        ["Input.RoomId"] = roomId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.OrganisationId"] = orgId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Kind"] = kind,
        ["Input.FirstDate"] = first,
        ["Input.LastDate"] = last ?? string.Empty,
        ["Input.Start"] = start,
        ["Input.End"] = end,
        ["Input.Purpose"] = purpose,
        ["Input.ContactName"] = contact,
        ["Input.ContactEmail"] = "kare@eksempel.no",
        ["Input.RulesAccepted"] = rules ? "true" : "false",
    };

    private Task<(int Bookings, int Slots, int Mail)> StateAsync() => app.DbAsync(async db =>
        (await db.Bookings.CountAsync(), await db.OccupiedSlots.CountAsync(), await db.Outbox.CountAsync()));

    private async Task AssertRefusedAsync(string account, int buildingId, Dictionary<string, string> form, string message)
    {
        var before = await StateAsync();
        var session = await app.SignInAsync(account);
        var response = await session.PostFormAsync($"/tromso/lokaler/{buildingId}/bestill", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await WebSession.HtmlOf(response));
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("id=\"feiloppsummering\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    private async Task<(Room Room, int Org)> MusicRoomAsync() => (await app.RoomAsync(PremisesScene.MusicRoom), await app.OrganisationIdAsync(Demo.RodeKors));

    [Fact]
    public async Task A_booking_in_the_past_is_refused()
    {
        var (room, org) = await MusicRoomAsync();
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-11-23", "17:00", "18:00"), "er allerede passert");
    }

    [Fact]
    public async Task A_booking_outside_the_rooms_windows_is_refused()
    {
        var (room, org) = await MusicRoomAsync();
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-12-02", "09:00", "11:00"), "er utenfor tidene rommet kan bookes");
    }

    [Fact]
    public async Task A_booking_in_a_closure_is_refused()
    {
        var (room, org) = await MusicRoomAsync();
        await app.DbAsync(async db =>
        {
            db.Closures.Add(new Closure { MunicipalityId = room.MunicipalityId, BuildingId = room.BuildingId, StartsAt = new DateTimeOffset(2026, 12, 21, 0, 0, 0, TimeSpan.Zero),
                EndsAt = new DateTimeOffset(2027, 1, 3, 0, 0, 0, TimeSpan.Zero), Reason = "Juleferie" });
            return await db.SaveChangesAsync();
        });
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-12-22", "17:00", "18:00"), "Bygget er stengt tirsdag 22. desember 2026");
    }

    [Fact]
    public async Task A_manager_closes_a_building_for_some_days_and_bookings_are_refused_then()
    {
        var (room, org) = await MusicRoomAsync();
        var manager = await app.SignInAsync(Demo.TromsoPremisesManager);
        var bad = await manager.PostFormAsync("/tromso/lokaler/forvaltning?handler=Closure", new()
        {
            ["Closure.BuildingId"] = room.BuildingId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Closure.From"] = "2026-12-18", ["Closure.To"] = "2026-12-17", ["Closure.Reason"] = "Juleavslutning",
        });
        Assert.Contains("Siste dag må være fra første dag", WebUtility.HtmlDecode(await WebSession.HtmlOf(bad)), StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Closures.AnyAsync(c => c.Reason == "Juleavslutning")));

        var good = await manager.PostFormAsync("/tromso/lokaler/forvaltning?handler=Closure", new()
        {
            ["Closure.BuildingId"] = room.BuildingId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Closure.From"] = "2026-12-17", ["Closure.To"] = "2026-12-18", ["Closure.Reason"] = "Juleavslutning",
        });
        await WebSession.AssertRedirectAsync(good);
        Assert.Contains("er stengt for booking 17. desember–18. desember 2026", WebUtility.HtmlDecode(await manager.GetHtmlAsync("/tromso/lokaler/forvaltning")), StringComparison.Ordinal);
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-12-18", "18:00", "19:00"), "Bygget er stengt fredag 18. desember 2026");

        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var refused = await coordinator.PostFormAsync("/tromso/lokaler/forvaltning?handler=Closure", new() { ["Closure.BuildingId"] = "1", ["Closure.From"] = "2026-12-20", ["Closure.To"] = "2026-12-21", ["Closure.Reason"] = "Nei" },
            $"/tromso/lokaler/{room.BuildingId}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await app.DbAsync(db => db.Closures.AnyAsync(c => c.Reason == "Nei")));
    }

    [Fact]
    public async Task A_closure_of_the_whole_gym_closes_its_halves()
    {
        var whole = await app.RoomAsync(PremisesScene.Gym);
        var half = await app.RoomAsync(PremisesScene.HalfB);
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        await app.DbAsync(async db =>
        {
            db.Closures.Add(new Closure { MunicipalityId = whole.MunicipalityId, BuildingId = whole.BuildingId, RoomId = whole.Id,
                StartsAt = new DateTimeOffset(2026, 12, 9, 0, 0, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero), Reason = "Nytt gulv" });
            return await db.SaveChangesAsync();
        });
        await AssertRefusedAsync(Demo.Coordinator, half.BuildingId, Form(half.Id, org, "2026-12-09", "18:00", "19:00"), "Bygget er stengt onsdag 9. desember 2026");
    }

    [Fact]
    public async Task A_booking_of_zero_or_negative_length_is_refused()
    {
        var (room, org) = await MusicRoomAsync();
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-12-02", "18:00", "18:00"), "Sluttid må være etter starttid.");
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-12-02", "20:00", "18:00"), "Sluttid må være etter starttid.");
    }

    [Fact]
    public async Task A_booking_more_than_a_year_ahead_or_a_series_over_a_year_is_refused()
    {
        var (room, org) = await MusicRoomAsync();
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2028-01-05", "17:00", "18:00"), "Du kan booke høyst ett år fram i tid.");
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-12-02", "17:00", "18:00", "Weekly", "2028-01-05"), "En serie kan vare høyst ett år.");
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "9999-12-31", "17:00", "18:00"), "Du kan booke høyst ett år fram i tid.");
    }

    [Fact]
    public async Task Another_municipalitys_room_is_not_found_and_nothing_changes()
    {
        var lund = await app.RoomAsync("Aula", Demo.Kristiansand);
        var (room, org) = await MusicRoomAsync();
        var before = await StateAsync();
        var session = await app.SignInAsync(Demo.Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await session.PostFormAsync($"/tromso/lokaler/{lund.BuildingId}/bestill", Form(lund.Id, org, "2026-12-02", "18:00", "19:00"),
            $"/tromso/lokaler/{room.BuildingId}/bestill")).StatusCode);
        // Another municipality's room id in this building's form.
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(lund.Id, org, "2026-12-02", "18:00", "19:00"), "Velg et rom i dette bygget.");
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task An_unapproved_organisation_or_a_non_member_cannot_book()
    {
        var (room, org) = await MusicRoomAsync();
        var pending = await app.OrganisationIdAsync(Demo.PendingInTromso);
        var volunteerId = await app.UserIdAsync(Demo.Volunteer);
        await app.DbAsync(async db =>
        {
            var tromso = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Tromso);
            db.Memberships.Add(new OrganisationMembership { MunicipalityId = tromso.Id, OrganisationId = pending, UserId = volunteerId, Role = OrganisationRole.Admin, JoinedAt = FrivilligApp.Now });
            return await db.SaveChangesAsync();
        });
        await AssertRefusedAsync(Demo.Volunteer, room.BuildingId, Form(room.Id, pending, "2026-12-02", "18:00", "19:00"), "Organisasjonen må være godkjent av kommunen før den kan booke lokaler.");
        await AssertRefusedAsync(Demo.Member, room.BuildingId, Form(room.Id, org, "2026-12-02", "18:00", "19:00"), "Du kan bare booke for en organisasjon du er medlem av.");
    }

    [Fact]
    public async Task The_rules_must_be_accepted()
    {
        var (room, org) = await MusicRoomAsync();
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-12-02", "18:00", "19:00", rules: false), "også at bruken er rusfri");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "Feltet kan ikke inneholde HTML-kode")]
    [InlineData("Trening\r\nBcc: alle@eksempel.no", "Feltet kan ikke inneholde linjeskift eller kontrolltegn")]
    public async Task Hostile_text_is_refused_beside_the_field(string text, string message)
    {
        var (room, org) = await MusicRoomAsync();
        await AssertRefusedAsync(Demo.Coordinator, room.BuildingId, Form(room.Id, org, "2026-12-02", "18:00", "19:00", contact: text), message);
    }

    [Fact]
    public async Task A_NUL_character_is_refused_before_the_page_and_changes_nothing()
    {
        var (room, org) = await MusicRoomAsync();
        var before = await StateAsync();
        var session = await app.SignInAsync(Demo.Coordinator);
        var response = await session.PostFormAsync($"/tromso/lokaler/{room.BuildingId}/bestill", Form(room.Id, org, "2026-12-02", "18:00", "19:00", purpose: "Trening\0"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Emoji_and_line_breaks_in_the_purpose_are_kept_as_text()
    {
        var (room, org) = await MusicRoomAsync();
        var session = await app.SignInAsync(Demo.Coordinator);
        var response = await session.PostFormAsync($"/tromso/lokaler/{room.BuildingId}/bestill", Form(room.Id, org, "2026-12-16", "18:00", "19:00", purpose: "Korøving 🎶\nTa med noter"));
        await WebSession.AssertRedirectAsync(response);
        Assert.True(await app.DbAsync(db => db.Bookings.AnyAsync(b => b.Purpose == "Korøving 🎶\nTa med noter")));
    }
}
