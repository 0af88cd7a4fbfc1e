using System.Globalization;
using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Activities;

public sealed class SignUpTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private Task<(int Id, long Date)> ActivityWithPlacesAsync(int capacity) =>
        new ActivityBuilder($"Kurs med {capacity} plasser", capacity).SaveAsync(app);

    private static Dictionary<string, string> Form(long date, string name, string? email = null, string? phone = null) => new()
    {
        ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture),
        ["Input.Name"] = name,
        ["Input.Email"] = email ?? string.Empty,
        ["Input.Phone"] = phone ?? string.Empty,
    };

    private Task<Dictionary<string, SignUpStatus>> StatusesAsync(int id) =>
        app.DbAsync(db => db.SignUps.Where(s => s.ActivityId == id).ToDictionaryAsync(s => s.Name, s => s.Status));

    private Task<int> CancelledCountAsync() =>
        app.DbAsync(db => db.SignUps.CountAsync(s => s.Status == SignUpStatus.Cancelled));

    [Fact]
    public async Task Beyond_capacity_goes_to_waitlist_and_moves_up_when_a_place_frees()
    {
        var (id, date) = await ActivityWithPlacesAsync(1);
        var first = app.NewSession();
        var r1 = await first.PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, "Anne", "anne@eksempel.no"));
        Assert.Equal(HttpStatusCode.Redirect, r1.StatusCode);
        var receipt = r1.Headers.Location!.OriginalString;
        Assert.Contains("Du er påmeldt", await first.GetHtmlAsync(receipt));
        var confirmation = await app.Mail.WaitForAsync("anne@eksempel.no", m => (m.Subject ?? "").Contains("påmeldt", StringComparison.Ordinal));
        Assert.Contains(receipt, confirmation.TextBody);

        var second = app.NewSession();
        var r2 = await second.PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, "Bjørn", "bjorn@eksempel.no"));
        Assert.Contains("venteliste", await second.GetHtmlAsync(r2.Headers.Location!.OriginalString));
        await app.Mail.WaitForAsync("bjorn@eksempel.no", m => (m.Subject ?? "").Contains("venteliste", StringComparison.Ordinal));
        Assert.Contains("Fullt – venteliste", await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}"));

        // Anne cancels by her secret link; Bjørn gets the place and is told.
        var cancel = await first.PostFormAsync($"{receipt}?handler=Cancel", new() { ["bekreftet"] = "ja" }, formPage: receipt);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var statuses = await StatusesAsync(id);
        Assert.Equal(SignUpStatus.Cancelled, statuses["Anne"]);
        Assert.Equal(SignUpStatus.Confirmed, statuses["Bjørn"]);
        await app.Mail.WaitForAsync("bjorn@eksempel.no", m => (m.Subject ?? "").Contains("fått plass", StringComparison.Ordinal));
        await app.Mail.WaitForAsync("anne@eksempel.no", m => (m.Subject ?? "").Contains("Avmeldt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_residents_taking_the_last_places_at_once_only_as_many_as_there_are_places_get_one()
    {
        // Runs on both providers: SQLite serialises writers; PostgreSQL holds the activity's row lock.
        var (id, date) = await ActivityWithPlacesAsync(3);
        var sessions = Enumerable.Range(0, 24).Select(_ => app.NewSession()).ToList();
        // Fetch forms first so the posts themselves race.
        var tokens = await Task.WhenAll(sessions.Select(s => s.GetHtmlAsync($"/tromso/aktiviteter/{id}")));
        var posts = sessions.Select((s, i) => s.PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, $"Person {i}", phone: "912 34 5" + i.ToString("00", CultureInfo.InvariantCulture))));
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await StatusesAsync(id);
        Assert.Equal(3, statuses.Values.Count(s => s == SignUpStatus.Confirmed));
        Assert.Equal(21, statuses.Values.Count(s => s == SignUpStatus.Waitlisted));
        Assert.Contains("Fullt – venteliste", await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}"));
        _ = tokens;
    }

    [Fact]
    public async Task Two_confirmed_people_cancelling_at_once_promote_two_and_never_overbook()
    {
        var (id, date) = await ActivityWithPlacesAsync(2);
        var receipts = new List<string>();
        foreach (var name in new[] { "Først", "Andre", "Tredje", "Fjerde", "Femte" })
        {
            var response = await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, name, phone: "99887766"));
            receipts.Add((await WebSession.AssertRedirectAsync(response)).OriginalString);
        }

        var cancels = await Task.WhenAll(receipts.Take(2).Select(r => app.NewSession().PostFormAsync($"{r}?handler=Cancel", new() { ["bekreftet"] = "ja" }, formPage: r)));
        Assert.All(cancels, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await StatusesAsync(id);
        Assert.Equal(2, statuses.Values.Count(s => s == SignUpStatus.Confirmed));
        Assert.Equal(SignUpStatus.Confirmed, statuses["Tredje"]);
        Assert.Equal(SignUpStatus.Confirmed, statuses["Fjerde"]);
        Assert.Equal(SignUpStatus.Waitlisted, statuses["Femte"]);

        // Each sees their own state on their receipt.
        Assert.Contains("er avmeldt", await app.NewSession().GetHtmlAsync(receipts[0]));
        Assert.Contains("Du er påmeldt", await app.NewSession().GetHtmlAsync(receipts[2]));
        Assert.Contains("Du står på venteliste", await app.NewSession().GetHtmlAsync(receipts[4]));
    }

    [Fact]
    public async Task Organiser_sees_the_list_and_the_count()
    {
        var (id, date) = await ActivityWithPlacesAsync(2);
        await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, "Cecilie", "c@eksempel.no"));
        await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, "David <b>", phone: "99999999"));
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var overview = await coordinator.GetHtmlAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte");
        Assert.Contains($"/pameldte/{date}", overview);
        Assert.Contains("1 / 2", overview);
        var html = await coordinator.GetHtmlAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/pameldte/{date}");
        Assert.Contains("Har plass (1 / 2)", html);
        Assert.Contains("Cecilie", html);
        Assert.DoesNotContain("David", html); // refused: markup in the name
        Assert.Equal(["Cecilie"], (await StatusesAsync(id)).Keys);
    }

    [Theory]
    [InlineData("", "Ola", "ola@eksempel.no", "", "Velg hvilken dato")]
    [InlineData("123", "Ola", "ola@eksempel.no", "", "Velg en av datoene")]
    [InlineData("DATE", "", "ola@eksempel.no", "", "Skriv navnet ditt")]
    [InlineData("DATE", "Ola", "", "", "e-postadresse eller mobilnummer")]
    [InlineData("DATE", "Ola", "ikke-epost", "", "gyldig e-postadresse")]
    [InlineData("DATE", "<script>x</script>", "ola@eksempel.no", "", "HTML-kode")]
    public async Task Bad_sign_up_gets_an_error_and_takes_no_place(string dateValue, string name, string email, string phone, string message)
    {
        var (id, date) = await ActivityWithPlacesAsync(3);
        var form = Form(date, name, email, phone);
        form["Input.Date"] = dateValue == "DATE" ? date.ToString(CultureInfo.InvariantCulture) : dateValue;
        var response = await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await WebSession.HtmlOf(response));
        Assert.Empty(await StatusesAsync(id));
    }

    [Fact]
    public async Task Drop_in_activity_takes_no_sign_ups()
    {
        var id = await app.DbAsync(db => db.Activities.Where(a => a.Title == "Kaffetreff for eldre").Select(a => a.Id).SingleAsync());
        var response = await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(1, "Ola", "ola@eksempel.no"), formPage: "/konto/logg-inn");
        Assert.Contains("tar ikke imot påmelding", await WebSession.HtmlOf(response));
        Assert.Empty(await StatusesAsync(id));
    }

    [Fact]
    public async Task Sign_up_through_another_municipality_url_is_404()
    {
        var (id, date) = await ActivityWithPlacesAsync(3);
        var response = await app.NewSession().PostFormAsync($"/lunner/aktiviteter/{id}?handler=SignUp", Form(date, "Ola", "ola@eksempel.no"), formPage: "/konto/logg-inn");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await StatusesAsync(id));
    }

    [Fact]
    public async Task Unknown_cancel_link_changes_nothing()
    {
        var cancelled = await CancelledCountAsync();
        var html = await app.NewSession().GetHtmlAsync("/tromso/pamelding/finnes-ikke");
        Assert.Contains("finner ikke", html);
        var post = await app.NewSession().PostFormAsync("/tromso/pamelding/finnes-ikke?handler=Cancel", new() { ["bekreftet"] = "ja" }, formPage: "/konto/logg-inn");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(cancelled, await CancelledCountAsync());
    }

    [Fact]
    public async Task A_series_sign_up_takes_a_place_on_every_date()
    {
        var (id, _) = await new ActivityBuilder("Kurs i fire deler", Capacity: 1, DaysAhead: 3, Hour: 17, Frequency: RecurrenceFrequency.Weekly, Count: 4).SaveAsync(app);
        var series = Form(0, "Hele Serien", "serie@eksempel.no");
        series["Input.Date"] = "serie";
        await WebSession.AssertRedirectAsync(await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", series));

        var page = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}");
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(page, "Fullt – venteliste"));
        Assert.Equal(SignUpStatus.Confirmed, (await StatusesAsync(id))["Hele Serien"]);
    }

    [Theory]
    [InlineData("a b@c.no")]
    [InlineData("\"x y\"@c.no")]
    [InlineData("a@b c.no")]
    [InlineData("a@[1.2.3.4]")]
    [InlineData("a\"b@c.no")]
    [InlineData("a..b@c.no")]
    [InlineData("a:b@c.no")]
    [InlineData("a@b")]
    [InlineData("<a@b.no>")]
    public async Task An_address_the_mail_or_calendar_cannot_carry_is_refused_beside_the_field(string address)
    {
        var (id, date) = await ActivityWithPlacesAsync(5);
        var response = await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, "Adresse Test", address));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Skriv en gyldig e-postadresse", await WebSession.HtmlOf(response));
        Assert.Empty(await StatusesAsync(id));
    }

    [Theory]
    [InlineData("æøå@eksempel.no")]
    [InlineData("ola.nordmann+frivillig@eksempel.no")]
    [InlineData("ø@bø.no")]
    public async Task Ordinary_and_norwegian_addresses_are_taken(string address)
    {
        var (id, date) = await ActivityWithPlacesAsync(5);
        await WebSession.AssertRedirectAsync(await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, "Norsk Adresse", address)));
        Assert.Equal(SignUpStatus.Confirmed, Assert.Single(await StatusesAsync(id)).Value);
    }

    [Fact]
    public async Task A_waitlisted_address_from_before_the_check_cannot_stop_a_confirmed_person_from_cancelling()
    {
        var (id, date) = await ActivityWithPlacesAsync(1);
        var first = await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", Form(date, "Kari", "kari@eksempel.no"));
        var receipt = (await WebSession.AssertRedirectAsync(first)).OriginalString;
        // An address that would have passed the old check, put straight in as it was stored then.
        await app.DbAsync(async db =>
        {
            var kari = await db.SignUps.SingleAsync(s => s.ActivityId == id);
            var activity = await db.Activities.SingleAsync(a => a.Id == id);
            db.SignUps.Add(SignUp.Take(activity, kari.OccurrenceStart, new SignUpPerson("Gammel Adresse", "a b@c.no", null), room: false,
                Frivillig.Web.Auth.Tokens.Hash(Frivillig.Web.Auth.Tokens.New()), app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        var cancel = await app.NewSession().PostFormAsync($"{receipt}?handler=Cancel", new() { ["bekreftet"] = "ja" }, formPage: receipt);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var statuses = await StatusesAsync(id);
        Assert.Equal(SignUpStatus.Cancelled, statuses["Kari"]);
        Assert.Equal(SignUpStatus.Confirmed, statuses["Gammel Adresse"]);
        Assert.Contains("er avmeldt", await app.NewSession().GetHtmlAsync(receipt));
    }

    public static TheoryData<string, string, HttpContent> UnreadableBodies()
    {
        static HttpContent Raw(string body, string type) => new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", type } } };
        var form = "application/x-www-form-urlencoded";
        return new()
        {
            { "NUL-byte i verdi", "nul-value", Raw("Input.Name=Ola%00x&Input.Phone=91234567", form) },
            { "NUL-byte i navn", "nul-key", Raw("Input%00.Name=Ola", form) },
            { "for mange felt", "many-fields", Raw(string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f{i}=x")), form) },
            { "for stor verdi", "huge-value", Raw("Input.Name=" + new string('x', 5_000_000), form) },
            { "for langt navn", "long-key", Raw(new string('k', 3000) + "=x", form) },
            { "multipart uten grense", "no-boundary", Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--", "multipart/form-data") },
            { "multipart med feil grense", "wrong-boundary", Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--", "multipart/form-data; boundary=y") },
            { "avkuttet multipart", "truncated", Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", "multipart/form-data; boundary=x") },
            { "ugyldig UTF-8", "bad-utf8", new ByteArrayContent([0x49, 0x6e, 0x3d, 0xff, 0xfe, 0xc3]) { Headers = { { "Content-Type", form } } } },
        };
    }

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task A_body_the_server_cannot_read_gets_400_and_signs_up_nobody(string what, string key, HttpContent body)
    {
        var (id, _) = await ActivityWithPlacesAsync(5);
        var session = app.NewSession();
        await session.GetHtmlAsync($"/tromso/aktiviteter/{id}");
        using var response = await session.Client.PostAsync($"/tromso/aktiviteter/{id}?handler=SignUp", body);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} ({key}): {(int)response.StatusCode}");
        Assert.Empty(await StatusesAsync(id));
    }
}
