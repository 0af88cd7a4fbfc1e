using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>
/// The organiser's sign-up lists: a page per date, printable and exportable as CSV a spreadsheet reads
/// (formulas neutralised); cancelled dates marked; a sign-up removed or moved with the person told; and a
/// whole-series sign-up with places on the dates with room, waiting only on the full ones.
/// </summary>
public sealed class SignUpListTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static string Ticks(long date) => date.ToString(CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> SignUpAsync(int id, string date, string name, string? email = null, string? phone = null)
    {
        var form = new Dictionary<string, string> { ["Input.Date"] = date, ["Input.Name"] = name };
        if (email is not null)
        {
            form["Input.Email"] = email;
        }

        if (phone is not null)
        {
            form["Input.Phone"] = phone;
        }

        return app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", form);
    }

    private async Task<IReadOnlyList<long>> DatesAsync(int id) => await app.DbAsync(async db =>
    {
        var activity = await db.Activities.Include(a => a.DateChanges).SingleAsync(a => a.Id == id);
        return (IReadOnlyList<long>)[.. activity.Occurrences(FrivilligApp.Oslo, app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddDays(60)).Select(o => o.OriginalStart.UtcTicks)];
    });

    private static JsonElement ReadAsSpreadsheet(byte[] csv)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, csv);
        using var process = Process.Start(new ProcessStartInfo("node", [Path.Combine(IcalParsers.RepositoryRoot(), "tests", "js", "read-csv.mjs"), file])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        File.Delete(file);
        Assert.True(process.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public async Task A_dates_list_exports_as_csv_a_spreadsheet_reads_with_formulas_neutralised()
    {
        var (id, date) = await new ActivityBuilder("Regnearkkurs", Capacity: 5).SaveAsync(app);
        await SignUpAsync(id, Ticks(date), "Åse Ødegård", "ase@eksempel.no");
        await SignUpAsync(id, Ticks(date), "=HYPERLINK(\"http://angrep.example\";\"klikk\")", phone: "912 34 567");
        await SignUpAsync(id, Ticks(date), "@SUM(1+1)", "sum@eksempel.no");
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        using var response = await coordinator.Client.GetAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{date}?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var sheet = ReadAsSpreadsheet(await response.Content.ReadAsByteArrayAsync());
        Assert.True(sheet.GetProperty("bom").GetBoolean());
        var rows = sheet.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
        Assert.Equal(["Navn", "E-post", "Telefon", "Påmeldt til", "Status", "Påmeldt"], rows[0].Select(c => c.GetProperty("text").GetString()));
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r[0].GetProperty("text").GetString() == "Åse Ødegård");
        Assert.All(rows.SelectMany(r => r), c => Assert.False(c.GetProperty("formula").GetBoolean(), "a cell was read as a formula"));
        Assert.Contains(rows, r => r[0].GetProperty("text").GetString() == "'=HYPERLINK(\"http://angrep.example\";\"klikk\")");
        Assert.Contains(rows, r => r[0].GetProperty("text").GetString() == "'@SUM(1+1)");

        using var all = await coordinator.Client.GetAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte?handler=Csv");
        var allRows = ReadAsSpreadsheet(await all.Content.ReadAsByteArrayAsync()).GetProperty("rows").GetArrayLength();
        Assert.Equal(4, allRows);
    }

    [Fact]
    public async Task A_cancelled_date_is_marked_on_its_list_and_in_the_overview()
    {
        var (id, date) = await new ActivityBuilder("Merket avlysning", Capacity: 5, Frequency: RecurrenceFrequency.Weekly, Count: 3).SaveAsync(app);
        await SignUpAsync(id, Ticks(date), "Hilde", "hilde@eksempel.no");
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var manage = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}/datoer?handler=CancelDate", new() { ["date"] = Ticks(date), ["bekreftet"] = "ja" }, formPage: manage));
        var list = await coordinator.GetHtmlAsync($"{manage}/pameldte/{date}");
        Assert.Contains("Denne datoen er avlyst", list);
        Assert.Contains("Hilde", list);
        var overview = await coordinator.GetHtmlAsync($"{manage}/pameldte");
        Assert.Contains("class=\"status-cancelled\"", overview);
        Assert.Contains("data-print", overview);
    }

    [Fact]
    public async Task The_organiser_removes_a_sign_up_the_person_is_told_and_the_first_waiting_gets_the_place()
    {
        var (id, date) = await new ActivityBuilder("Fjerning", Capacity: 1).SaveAsync(app);
        await SignUpAsync(id, Ticks(date), "Først", "forst@eksempel.no");
        await SignUpAsync(id, Ticks(date), "Venter", "venter.fjern@eksempel.no");
        var first = await app.DbAsync(db => db.SignUps.Where(s => s.ActivityId == id && s.Name == "Først").Select(s => s.Id).SingleAsync());
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var list = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{date}";
        var coordinator = await app.SignInAsync(Demo.Coordinator);

        var ask = await (await coordinator.PostFormAsync($"{list}?handler=Remove", new() { ["signUpId"] = first.ToString(CultureInfo.InvariantCulture) }, formPage: list)).Content.ReadAsStringAsync();
        Assert.Contains("Fjerne Først fra", ask);
        Assert.Equal(SignUpStatus.Confirmed, await app.DbAsync(db => db.SignUps.Where(s => s.Id == first).Select(s => s.Status).SingleAsync()));

        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{list}?handler=Remove",
            new() { ["signUpId"] = first.ToString(CultureInfo.InvariantCulture), ["note"] = "Dobbeltpåmelding", ["bekreftet"] = "ja" }, formPage: list));
        Assert.Equal(SignUpStatus.Cancelled, await app.DbAsync(db => db.SignUps.Where(s => s.Id == first).Select(s => s.Status).SingleAsync()));
        var removed = await app.Mail.WaitForAsync("forst@eksempel.no", m => (m.Subject ?? "").Contains("fjernet", StringComparison.Ordinal));
        Assert.Contains("Dobbeltpåmelding", removed.TextBody);
        await app.Mail.WaitForAsync("venter.fjern@eksempel.no", m => (m.Subject ?? "").Contains("fått plass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_organiser_moves_a_sign_up_to_another_date_and_the_person_is_told()
    {
        var (id, date) = await new ActivityBuilder("Flytting", Capacity: 2, Frequency: RecurrenceFrequency.Weekly, Count: 3).SaveAsync(app);
        await SignUpAsync(id, Ticks(date), "Flyttes", "flyttes@eksempel.no");
        var signUp = await app.DbAsync(db => db.SignUps.Where(s => s.ActivityId == id).Select(s => s.Id).SingleAsync());
        var dates = await DatesAsync(id);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var list = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{date}";
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var form = new Dictionary<string, string> { ["signUpId"] = signUp.ToString(CultureInfo.InvariantCulture), ["to"] = Ticks(dates[1]) };

        Assert.Contains("Flytte Flyttes til", await (await coordinator.PostFormAsync($"{list}?handler=Move", form, formPage: list)).Content.ReadAsStringAsync());
        form["bekreftet"] = "ja";
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{list}?handler=Move", form, formPage: list));
        var moved = await app.DbAsync(db => db.SignUps.SingleAsync(s => s.Id == signUp));
        Assert.Equal(dates[1], moved.OccurrenceStart!.Value.UtcTicks);
        Assert.Equal(SignUpStatus.Confirmed, moved.Status);
        var mail = await app.Mail.WaitForAsync("flyttes@eksempel.no", m => (m.Subject ?? "").Contains("flyttet", StringComparison.Ordinal));
        Assert.Contains("onsdag 9. desember", mail.TextBody);

        // A date that is not the activity's is refused with a message, and nothing moves.
        form["to"] = "12345";
        var refused = await coordinator.PostFormAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{dates[1]}?handler=Move", form,
            formPage: $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{dates[1]}");
        Assert.Contains("Velg en av de kommende datoene", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_whole_series_sign_up_has_places_on_the_dates_with_room_and_waits_only_on_the_full_one()
    {
        var (id, _) = await new ActivityBuilder("Delvis fullt", Capacity: 1, Frequency: RecurrenceFrequency.Weekly, Count: 3).SaveAsync(app);
        var dates = await DatesAsync(id);
        await SignUpAsync(id, Ticks(dates[1]), "Tar dato to", "to@eksempel.no");
        var receipt = (await WebSession.AssertRedirectAsync(await SignUpAsync(id, "serie", "Hele serien", "serie@eksempel.no"))).OriginalString;

        var series = await app.DbAsync(db => db.SignUps.Include(s => s.WaitlistedDates).SingleAsync(s => s.ActivityId == id && s.OccurrenceStart == null));
        Assert.Equal(SignUpStatus.Confirmed, series.Status);
        Assert.Equal([dates[1]], series.WaitlistedDates.Select(w => w.OccurrenceStart.UtcTicks));
        Assert.True(series.HasPlaceOn(new DateTimeOffset(dates[0], TimeSpan.Zero)));
        Assert.False(series.HasPlaceOn(new DateTimeOffset(dates[1], TimeSpan.Zero)));

        var confirmation = await app.Mail.WaitForAsync("serie@eksempel.no", m => (m.Subject ?? "").Contains("påmeldt", StringComparison.Ordinal));
        Assert.Contains("onsdag 9. desember", confirmation.TextBody);
        Assert.Contains("onsdag 9. desember", await app.NewSession().GetHtmlAsync(receipt));

        // The first date still had room for the series; the third too. A one-date sign-up for the first is now waitlisted.
        await SignUpAsync(id, Ticks(dates[0]), "For sent", "sent@eksempel.no");
        Assert.Equal(SignUpStatus.Waitlisted, await app.DbAsync(db => db.SignUps.Where(s => s.Email == "sent@eksempel.no").Select(s => s.Status).SingleAsync()));

        // When the one on the full date cancels, the series gets that date too, and is told which.
        var two = (await app.DbAsync(db => db.SignUps.Where(s => s.Email == "to@eksempel.no").Select(s => s.TokenHash).SingleAsync()));
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var list = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{dates[1]}";
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var twoId = await app.DbAsync(db => db.SignUps.Where(s => s.TokenHash == two).Select(s => s.Id).SingleAsync());
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{list}?handler=Remove",
            new() { ["signUpId"] = twoId.ToString(CultureInfo.InvariantCulture), ["bekreftet"] = "ja" }, formPage: list));
        Assert.Empty(await app.DbAsync(db => db.WaitlistedDates.Where(w => w.SignUpId == series.Id).ToListAsync()));
        var promoted = await app.Mail.WaitForAsync("serie@eksempel.no", m => (m.Subject ?? "").Contains("fått plass", StringComparison.Ordinal));
        Assert.Contains("9. desember", promoted.Subject);
    }
}
