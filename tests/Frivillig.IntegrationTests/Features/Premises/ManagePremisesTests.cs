using System.Globalization;
using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Premises;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Premises;

/// <summary>Premises managers keep their municipality's buildings, rooms, windows and seasons; bad input is told beside its field and changes nothing.</summary>
public sealed class ManagePremisesTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> TromsoDistrictAsync() =>
        app.DbAsync(db => db.Districts.Where(d => db.Municipalities.Any(m => m.Id == d.MunicipalityId && m.Slug == Demo.Tromso)).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());

    private static Dictionary<string, string> BuildingForm(int district, string name = "Skjelnan skole") => new()
    {
        ["Input.Name"] = name, ["Input.Kind"] = "Skole", ["Input.DistrictId"] = Id(district), ["Input.StreetAddress"] = "Skjelnanvegen 10",
        ["Input.PostalCode"] = "9100", ["Input.City"] = "Kvaløysletta", ["Input.OpeningNotes"] = "Åpent etter kl. 17 på hverdager",
        ["Input.StepFreeEntrance"] = "true", ["Input.Lift"] = "true", ["Input.AccessInstructions"] = "Kode 1234 på døra ved gymsalen",
        ["Input.ContactName"] = "Vera Vaktmester", ["Input.ContactEmail"] = "vera@eksempel.no", ["Input.ContactPhone"] = "77 60 00 00",
        ["Input.Latitude"] = "69,69", ["Input.Longitude"] = "18,79",
    };

    private static Dictionary<string, string> RoomForm(string name = "Gymsal", string capacity = "80", string priceKind = "PerHourFreeForNonProfits",
        string price = "250", string parent = "") => new()
    {
        ["Input.Name"] = name, ["Input.Capacity"] = capacity, ["Input.Equipment"] = "gymgulv", ["Input.Rules"] = "Innesko.\nRydd etter dere.",
        ["Input.PriceKind"] = priceKind, ["Input.PricePerHourNok"] = price, ["Input.ParentRoomId"] = parent, ["Input.AutoApprove"] = "true",
    };

    private Task<(int Buildings, int Rooms, int Windows, int Seasons, int Bookings, string Names)> StateAsync() => app.DbAsync(async db =>
        (await db.Buildings.CountAsync(), await db.Rooms.CountAsync(), await db.BookableWindows.CountAsync(), await db.Seasons.CountAsync(), await db.Bookings.CountAsync(),
            string.Join("|", await db.Buildings.OrderBy(b => b.Id).Select(b => b.Name + b.StreetAddress + b.Latitude).ToListAsync())
            + string.Join("|", await db.Rooms.OrderBy(r => r.Id).Select(r => r.Name + r.Capacity + r.PricePerHourNok + r.ParentRoomId).ToListAsync())
            + string.Join("|", await db.Seasons.OrderBy(s => s.Id).Select(s => s.Name + s.StartsOn + s.EndsOn + s.ApplicationDeadline).ToListAsync())));

    private async Task AssertRefusedAsync(string url, Dictionary<string, string> form, string field, string message)
    {
        var before = await StateAsync();
        var session = await app.SignInAsync(Demo.TromsoPremisesManager);
        var response = await session.PostFormAsync(url, form, url.Split("?handler")[0]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await WebSession.HtmlOf(response));
        Assert.Contains("id=\"feiloppsummering\"", html, StringComparison.Ordinal);
        // Beside the field: the error paragraph carries the field's id.
        Assert.Matches($"id=\"{field.Replace(".", "_", StringComparison.Ordinal)}(-error)?\"[^>]*>[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}", html);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_manager_creates_a_building_a_room_in_two_halves_windows_and_a_season_and_residents_find_them()
    {
        var session = await app.SignInAsync(Demo.TromsoPremisesManager);
        Assert.Contains("href=\"/tromso/lokaler/forvaltning/bygg\"", await session.GetHtmlAsync("/tromso/lokaler/forvaltning"));
        var created = await WebSession.AssertRedirectAsync(await session.PostFormAsync("/tromso/lokaler/forvaltning/bygg", BuildingForm(await TromsoDistrictAsync()), "/tromso/lokaler/forvaltning/bygg"));
        var building = await app.DbAsync(db => db.Buildings.SingleAsync(b => b.Name == "Skjelnan skole"));
        Assert.Equal($"/tromso/lokaler/forvaltning/bygg/{building.Id}?lagret=1", created.OriginalString);
        Assert.Equal((true, false, false, true, 69.69, "Kode 1234 på døra ved gymsalen"), (building.StepFreeEntrance, building.AccessibleToilet, building.HearingLoop, building.Lift, building.Latitude!.Value, building.AccessInstructions));

        var newRoom = $"/tromso/lokaler/forvaltning/rom?bygg={building.Id}";
        await WebSession.AssertRedirectAsync(await session.PostFormAsync(newRoom, RoomForm(), newRoom));
        var gym = await app.DbAsync(db => db.Rooms.SingleAsync(r => r.BuildingId == building.Id && r.Name == "Gymsal"));
        Assert.Equal((80, 250m, true, ",gymgulv,", true), (gym.Capacity, gym.PricePerHourNok!.Value, gym.FreeForNonProfits, gym.Equipment, gym.AutoApprove));
        await WebSession.AssertRedirectAsync(await session.PostFormAsync(newRoom, RoomForm("Gymsal, del A", "40", "Free", string.Empty, Id(gym.Id)), newRoom));
        var half = await app.DbAsync(db => db.Rooms.SingleAsync(r => r.Name == "Gymsal, del A" && r.BuildingId == building.Id));
        Assert.Equal(gym.Id, half.ParentRoomId);
        Assert.Null(half.PricePerHourNok);

        var roomPage = $"/tromso/lokaler/forvaltning/rom/{gym.Id}";
        var added = await session.PostFormAsync($"{roomPage}?handler=AddWindow", new() { ["Window.Weekday"] = "Tuesday", ["Window.Opens"] = "17:00", ["Window.Closes"] = "22:00" }, roomPage);
        Assert.Contains("Rommet kan nå bookes tirsdag 17:00–22:00.", WebUtility.HtmlDecode(await WebSession.HtmlOf(added)));
        Assert.Equal(1, await app.DbAsync(db => db.BookableWindows.CountAsync(w => w.RoomId == gym.Id && w.Weekday == DayOfWeek.Tuesday && w.Opens == new TimeOnly(17, 0))));

        await WebSession.AssertRedirectAsync(await session.PostFormAsync("/tromso/lokaler/forvaltning/sesonger", new()
        {
            ["Input.Name"] = "Høst 2027", ["Input.StartsOn"] = "2027-08-16", ["Input.EndsOn"] = "2027-12-17", ["Input.ApplicationDeadline"] = "2027-06-01",
        }, "/tromso/lokaler/forvaltning/sesonger"));
        var season = await app.DbAsync(db => db.Seasons.SingleAsync(s => s.Name == "Høst 2027"));
        Assert.Equal(new DateTimeOffset(2027, 6, 1, 22, 0, 0, TimeSpan.Zero), season.ApplicationDeadline);
        Assert.Contains("value=\"2027-06-01\"", await session.GetHtmlAsync($"/tromso/lokaler/forvaltning/sesonger/{season.Id}"));

        var page = WebUtility.HtmlDecode(await app.NewSession().GetHtmlAsync($"/tromso/lokaler/{building.Id}"));
        Assert.Contains("Skjelnan skole", page);
        Assert.Contains("Gymsal, del A", page);
        Assert.DoesNotContain("Kode 1234", page);

        // The halves are real: a booking of the whole gym is refused in the half at the same time.
        var org = await app.OrganisationIdAsync(Demo.RodeKors);
        var user = await app.UserIdAsync(Demo.Coordinator);
        await app.DbAsync(async db =>
        {
            db.BookableWindows.Add(new BookableWindow { MunicipalityId = half.MunicipalityId, RoomId = half.Id, Weekday = DayOfWeek.Tuesday, Opens = new TimeOnly(17, 0), Closes = new TimeOnly(22, 0) });
            return await db.SaveChangesAsync();
        });
        Assert.NotNull((await app.RequestAsync(PremisesScene.Request(gym.Id, org, user, new DateOnly(2026, 12, 8), new TimeOnly(18, 0), new TimeOnly(20, 0)))).Booking);
        Assert.Null((await app.RequestAsync(PremisesScene.Request(half.Id, org, user, new DateOnly(2026, 12, 8), new TimeOnly(19, 0), new TimeOnly(21, 0)))).Booking);
    }

    [Fact]
    public async Task An_edit_keeps_what_it_does_not_change_and_shows_the_saved_values()
    {
        var room = await app.RoomAsync(PremisesScene.Kitchen);
        var windows = await app.DbAsync(db => db.BookableWindows.CountAsync(w => w.RoomId == room.Id));
        var session = await app.SignInAsync(Demo.TromsoPremisesManager);
        var page = $"/tromso/lokaler/forvaltning/rom/{room.Id}";
        var form = WebUtility.HtmlDecode(await session.GetHtmlAsync(page));
        Assert.Contains($"value=\"{room.Name}\"", form);
        await WebSession.AssertRedirectAsync(await session.PostFormAsync(page, RoomForm("Skolekjøkken 🍳", "16", "PerHour", "99,50"), page));
        var edited = await app.DbAsync(db => db.Rooms.Include(r => r.Windows).SingleAsync(r => r.Id == room.Id));
        Assert.Equal(("Skolekjøkken 🍳", 16, 99.50m, false, room.FeedToken, windows), (edited.Name, edited.Capacity, edited.PricePerHourNok!.Value, edited.FreeForNonProfits, edited.FeedToken, edited.Windows.Count));
        Assert.Contains("Skolekjøkken 🍳", WebUtility.HtmlDecode(await app.NewSession().GetHtmlAsync($"/tromso/lokaler/{room.BuildingId}")));

        // The price comes back as the form shows it (Norwegian decimal comma), so saving again changes nothing.
        var shown = WebUtility.HtmlDecode(await session.GetHtmlAsync(page));
        var price = System.Text.RegularExpressions.Regex.Match(shown, "name=\"Input.PricePerHourNok\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(99.5m, decimal.Parse(price, NumberStyles.Number, CultureInfo.GetCultureInfo("nb-NO")));
        Assert.DoesNotContain(".", price, StringComparison.Ordinal);
        await WebSession.AssertRedirectAsync(await session.PostFormAsync(page, RoomForm("Skolekjøkken 🍳", "16", "PerHour", price), page));
        Assert.Equal(99.50m, await app.DbAsync(db => db.Rooms.Where(r => r.Id == room.Id).Select(r => r.PricePerHourNok!.Value).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.Name", "<script>alert(1)</script>", "HTML-kode")]
    [InlineData("Input.Name", "Kroken\r\nskole", "linjeskift")]
    [InlineData("Input.StreetAddress", "", "Skriv gateadressen.")]
    [InlineData("Input.PostalCode", "90a0", "Postnummeret har fire sifre.")]
    [InlineData("Input.Latitude", "1e308", "Breddegraden må være i Norge")]
    [InlineData("Input.Longitude", "-999999999999", "Lengdegraden må være i Norge")]
    [InlineData("Input.ContactEmail", "vera@eksempel.no\r\nBcc: alle@eksempel.no", "gyldig e-postadresse")]
    [InlineData("Input.ContactPhone", "<b>1</b>", "Skriv telefonnummeret med sifre.")]
    [InlineData("Input.OpeningNotes", "<img src=x onerror=alert(1)>", "HTML-kode")]
    public async Task Bad_input_on_a_building_is_told_beside_the_field_and_changes_nothing(string field, string value, string message)
    {
        var room = await app.RoomAsync(PremisesScene.Gym);
        var form = BuildingForm(await TromsoDistrictAsync(), "Kroken skole");
        form[field] = value;
        await AssertRefusedAsync($"/tromso/lokaler/forvaltning/bygg/{room.BuildingId}", form, field, message);
        await AssertRefusedAsync("/tromso/lokaler/forvaltning/bygg", form, field, message);
    }

    [Theory]
    [InlineData("Input.Name", "<script>alert(1)</script>", "HTML-kode")]
    [InlineData("Input.Capacity", "0", "fra 1 til")]
    [InlineData("Input.Capacity", "2147483648", "")]
    [InlineData("Input.PricePerHourNok", "-5", "over 0")]
    [InlineData("Input.PricePerHourNok", "1e30", "")]
    [InlineData("Input.PricePerHourNok", "0,001", "to desimaler")]
    [InlineData("Input.Equipment", "jacuzzi", "Velg utstyr fra listen.")]
    [InlineData("Input.Rules", "Ingen\0nul", "")]
    public async Task Bad_input_on_a_room_is_told_beside_the_field_and_changes_nothing(string field, string value, string message)
    {
        var room = await app.RoomAsync(PremisesScene.MusicRoom);
        var form = RoomForm(PremisesScene.MusicRoom, "20", "PerHour", "100");
        form[field] = value;
        var url = $"/tromso/lokaler/forvaltning/rom/{room.Id}";
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            // NUL is refused before any page sees it.
            var before = await StateAsync();
            var response = await (await app.SignInAsync(Demo.TromsoPremisesManager)).PostFormAsync(url, form, url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(before, await StateAsync());
            return;
        }

        await AssertRefusedAsync(url, form, field, message);
    }

    [Fact]
    public async Task A_room_cannot_be_made_a_part_of_itself_or_of_its_own_part_or_of_another_buildings_room()
    {
        var gym = await app.RoomAsync(PremisesScene.Gym);
        var half = await app.RoomAsync(PremisesScene.HalfA);
        var other = await app.RoomAsync(PremisesScene.Storsalen);
        var url = $"/tromso/lokaler/forvaltning/rom/{gym.Id}";
        await AssertRefusedAsync(url, RoomForm(PremisesScene.Gym, parent: Id(gym.Id)), "Input.ParentRoomId", "Velg et større rom i samme bygg");
        await AssertRefusedAsync(url, RoomForm(PremisesScene.Gym, parent: Id(other.Id)), "Input.ParentRoomId", "Velg et større rom i samme bygg");
        // The whole gym holds Røde Kors' Thursdays: its half stays its half.
        await AssertRefusedAsync($"/tromso/lokaler/forvaltning/rom/{half.Id}", RoomForm(PremisesScene.HalfA, parent: string.Empty), "Input.ParentRoomId", "har bookinger som venter eller er godkjent");
    }

    [Theory]
    [InlineData("18:00", "17:00", "Window.Closes", "Slutten må være etter starten")]
    [InlineData("25:00", "26:00", "Window.Opens", "")]
    [InlineData("17:30", "18:30", "Window.Opens", "overlapper")]
    public async Task A_bad_window_is_told_beside_the_field_and_changes_nothing(string opens, string closes, string field, string message)
    {
        var room = await app.RoomAsync(PremisesScene.MusicRoom);
        var window = await app.DbAsync(db => db.BookableWindows.Where(w => w.RoomId == room.Id).OrderBy(w => w.Id).FirstAsync());
        var url = $"/tromso/lokaler/forvaltning/rom/{room.Id}?handler=AddWindow";
        var weekday = message == "overlapper" ? window.Weekday.ToString() : "Monday";
        if (message == "overlapper")
        {
            (opens, closes) = (window.Opens.AddMinutes(30).ToString("HH:mm", CultureInfo.InvariantCulture), window.Opens.AddMinutes(90).ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        await AssertRefusedAsync(url, new() { ["Window.Weekday"] = weekday, ["Window.Opens"] = opens, ["Window.Closes"] = closes }, field, message);
        await AssertRefusedAsync(url, new() { ["Window.Weekday"] = "42", ["Window.Opens"] = "10:00", ["Window.Closes"] = "11:00" }, "Window.Weekday", "");
    }

    [Theory]
    [InlineData("Input.Name", "<script>x</script>", "HTML-kode")]
    [InlineData("Input.EndsOn", "2027-01-01", "slutter etter at den begynner")]
    [InlineData("Input.StartsOn", "9999-12-31", "")]
    [InlineData("Input.ApplicationDeadline", "2027-09-01", "før sesongen begynner")]
    public async Task Bad_input_on_a_season_is_told_beside_the_field_and_changes_nothing(string field, string value, string message)
    {
        var form = new Dictionary<string, string> { ["Input.Name"] = "Høst 2027", ["Input.StartsOn"] = "2027-08-16", ["Input.EndsOn"] = "2027-12-17", ["Input.ApplicationDeadline"] = "2027-06-01" };
        form[field] = value;
        if (field == "Input.StartsOn")
        {
            form["Input.EndsOn"] = "9999-12-31";
        }

        await AssertRefusedAsync("/tromso/lokaler/forvaltning/sesonger", form, field, message);
    }

    [Fact]
    public async Task A_room_or_window_holding_bookings_is_not_deleted_and_a_free_one_is_after_asking()
    {
        var gym = await app.RoomAsync(PremisesScene.Gym);
        var session = await app.SignInAsync(Demo.TromsoPremisesManager);
        var before = await StateAsync();
        var refused = WebUtility.HtmlDecode(await WebSession.HtmlOf(await session.PostFormAsync($"/tromso/lokaler/forvaltning/rom/{gym.Id}?handler=Delete", new() { ["bekreftet"] = "ja" }, $"/tromso/lokaler/forvaltning/rom/{gym.Id}")));
        Assert.Contains("Rommet har bookinger eller søknader som venter eller er godkjent", refused);
        var thursday = await app.DbAsync(db => db.BookableWindows.Where(w => w.RoomId == gym.Id && w.Weekday == DayOfWeek.Thursday).Select(w => w.Id).FirstAsync());
        var windowRefused = WebUtility.HtmlDecode(await WebSession.HtmlOf(await session.PostFormAsync($"/tromso/lokaler/forvaltning/rom/{gym.Id}?handler=DeleteWindow",
            new() { ["windowId"] = Id(thursday), ["bekreftet"] = "ja" }, $"/tromso/lokaler/forvaltning/rom/{gym.Id}")));
        Assert.Contains("kommende datoer som venter eller er godkjent", windowRefused);
        Assert.Equal(before, await StateAsync());

        // A new room with a window and nothing booked: asked first, then gone.
        var building = gym.BuildingId;
        var newRoom = $"/tromso/lokaler/forvaltning/rom?bygg={building}";
        await WebSession.AssertRedirectAsync(await session.PostFormAsync(newRoom, RoomForm("Lagerrom"), newRoom));
        var spare = await app.DbAsync(db => db.Rooms.SingleAsync(r => r.Name == "Lagerrom"));
        var page = $"/tromso/lokaler/forvaltning/rom/{spare.Id}";
        Assert.Contains("Rommet kan nå bookes", WebUtility.HtmlDecode(await WebSession.HtmlOf(await session.PostFormAsync($"{page}?handler=AddWindow",
            new() { ["Window.Weekday"] = "Monday", ["Window.Opens"] = "17:00", ["Window.Closes"] = "22:00" }, page))));
        var windowId = await app.DbAsync(db => db.BookableWindows.Where(w => w.RoomId == spare.Id).Select(w => w.Id).SingleAsync());
        var ask = await session.PostFormAsync($"{page}?handler=DeleteWindow", new() { ["windowId"] = Id(windowId) }, page);
        Assert.Contains("Slette vinduet mandag 17:00–22:00?", WebUtility.HtmlDecode(await WebSession.HtmlOf(ask)));
        Assert.Equal(1, await app.DbAsync(db => db.BookableWindows.CountAsync(w => w.RoomId == spare.Id)));
        await session.PostFormAsync($"{page}?handler=DeleteWindow", new() { ["windowId"] = Id(windowId), ["bekreftet"] = "ja" }, page);
        Assert.Equal(0, await app.DbAsync(db => db.BookableWindows.CountAsync(w => w.RoomId == spare.Id)));
        await WebSession.AssertRedirectAsync(await session.PostFormAsync($"{page}?handler=Delete", new() { ["bekreftet"] = "ja" }, page));
        Assert.False(await app.DbAsync(db => db.Rooms.AnyAsync(r => r.Id == spare.Id)));
    }

    [Fact]
    public async Task Another_municipalitys_ids_give_404_and_change_nothing_and_others_cannot_manage()
    {
        var lund = await app.RoomAsync("Gymsal", Demo.Kristiansand);
        var kristiansandSeason = await app.DbAsync(db => db.Seasons.Where(s => db.Municipalities.Any(m => m.Id == s.MunicipalityId && m.Slug == Demo.Kristiansand)).Select(s => s.Id).FirstAsync());
        var kristiansandDistrict = await app.DbAsync(db => db.Districts.Where(d => db.Municipalities.Any(m => m.Id == d.MunicipalityId && m.Slug == Demo.Kristiansand)).Select(d => d.Id).FirstAsync());
        var before = await StateAsync();
        var session = await app.SignInAsync(Demo.TromsoPremisesManager);
        foreach (var (url, form) in new (string, Dictionary<string, string>)[]
        {
            ($"/tromso/lokaler/forvaltning/bygg/{lund.BuildingId}", BuildingForm(await TromsoDistrictAsync())),
            ($"/tromso/lokaler/forvaltning/rom/{lund.Id}", RoomForm()),
            ($"/tromso/lokaler/forvaltning/rom?bygg={lund.BuildingId}", RoomForm()),
            ($"/tromso/lokaler/forvaltning/rom/{lund.Id}?handler=AddWindow", new() { ["Window.Weekday"] = "Monday", ["Window.Opens"] = "06:00", ["Window.Closes"] = "07:00" }),
            ($"/tromso/lokaler/forvaltning/rom/{lund.Id}?handler=Delete", new() { ["bekreftet"] = "ja" }),
            ($"/tromso/lokaler/forvaltning/sesonger/{kristiansandSeason}", new() { ["Input.Name"] = "X", ["Input.StartsOn"] = "2027-08-16", ["Input.EndsOn"] = "2027-12-17", ["Input.ApplicationDeadline"] = "2027-06-01" }),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await session.PostFormAsync(url, form, "/tromso/lokaler/forvaltning")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync(url.Split("?handler")[0])).StatusCode);
        }

        // A window of another municipality's room, and a district of another municipality, through Tromsø's own pages.
        var tromsoRoom = await app.RoomAsync(PremisesScene.MusicRoom);
        var foreignWindow = await app.DbAsync(db => db.BookableWindows.Where(w => w.RoomId == lund.Id).Select(w => w.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await session.PostFormAsync($"/tromso/lokaler/forvaltning/rom/{tromsoRoom.Id}?handler=DeleteWindow",
            new() { ["windowId"] = Id(foreignWindow), ["bekreftet"] = "ja" }, $"/tromso/lokaler/forvaltning/rom/{tromsoRoom.Id}")).StatusCode);
        await AssertRefusedAsync($"/tromso/lokaler/forvaltning/bygg/{tromsoRoom.BuildingId}", BuildingForm(kristiansandDistrict), "Input.DistrictId", "Velg en bydel fra listen.");
        Assert.Equal(before, await StateAsync());

        // Only premises managers of the municipality: not a coordinator, not Tromsø's manager in Kristiansand.
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        foreach (var (who, url) in new[] { (coordinator, "/tromso/lokaler/forvaltning/bygg"), (coordinator, "/tromso/lokaler/forvaltning/sesonger"), (session, "/kristiansand/lokaler/forvaltning/bygg") })
        {
            var response = await who.PostFormAsync(url, BuildingForm(await TromsoDistrictAsync(), "Inntrenger"), "/konto");
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, response.StatusCode.ToString());
            var get = await who.Client.GetAsync(url);
            Assert.True(get.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, get.StatusCode.ToString());
        }

        Assert.Equal(before, await StateAsync());
    }
}
