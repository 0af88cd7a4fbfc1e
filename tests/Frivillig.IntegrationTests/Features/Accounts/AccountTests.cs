using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Accounts;

public sealed class AccountTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static Dictionary<string, string> Registration(string email, string password = "et langt nok passord") => new()
    {
        ["Input.DisplayName"] = "Nina Ny",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private Task<bool> EmailConfirmedAsync(string email) =>
        app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());

    private Task<string?> PasswordHashAsync(string email) =>
        app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());

    [Fact]
    public async Task Register_confirm_email_then_sign_in()
    {
        var session = app.NewSession();
        var response = await session.PostFormAsync("/konto/registrer", Registration("nina@eksempel.no"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sendt en e-post", await WebSession.HtmlOf(response));
        Assert.False(await EmailConfirmedAsync("nina@eksempel.no"));

        // Not confirmed yet: sign-in is refused with a message that says why.
        var early = await session.PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = "nina@eksempel.no", ["Input.Password"] = "et langt nok passord" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("bekrefte e-postadressen", await WebSession.HtmlOf(early));

        var mail = await app.Mail.WaitForAsync("nina@eksempel.no", m => (m.Subject ?? "").Contains("Bekreft", StringComparison.Ordinal));
        Assert.NotNull(mail.HtmlBody);
        var confirm = await session.GetHtmlAsync(Mailbox.FirstLink(mail, "/konto/bekreft-epost"));
        Assert.Contains("er bekreftet", confirm);
        Assert.True(await EmailConfirmedAsync("nina@eksempel.no"));

        var signedIn = await session.PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = "nina@eksempel.no", ["Input.Password"] = "et langt nok passord" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Nina Ny", await session.GetHtmlAsync("/konto"));
    }

    [Theory]
    [InlineData("ikke-en-adresse", "et langt nok passord", "gyldig e-postadresse")]
    [InlineData("kort@eksempel.no", "kort", "minst 10 tegn")]
    public async Task Register_with_bad_input_shows_error_beside_the_field_and_creates_nothing(string email, string password, string message)
    {
        var before = await app.DbAsync(db => db.Users.CountAsync());
        var response = await app.NewSession().PostFormAsync("/konto/registrer", Registration(email, password));
        var html = await WebSession.HtmlOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains("class=\"field-error\"", html);
        Assert.Equal(before, await app.DbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("<script>x</script>", "HTML-kode")]
    [InlineData("a\r\nBcc: x@y.test", "linjeskift eller kontrolltegn")]
    public async Task Register_with_hostile_name_is_refused_beside_the_field(string name, string message)
    {
        var before = await app.DbAsync(db => db.Users.CountAsync());
        var form = Registration("hostile-name@eksempel.no");
        form["Input.DisplayName"] = name;
        var response = await app.NewSession().PostFormAsync("/konto/registrer", form);
        var html = await WebSession.HtmlOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("id=\"Input_DisplayName-error\"", html);
        Assert.Equal(before, await app.DbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Register_twice_with_same_address_is_refused()
    {
        var before = await app.DbAsync(db => db.Users.CountAsync());
        var response = await app.NewSession().PostFormAsync("/konto/registrer", Registration(Demo.Coordinator));
        var html = await WebSession.HtmlOf(response);
        // Once in the summary at the top and once beside the field, not once per Identity error (user name and e-mail).
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "finnes allerede en konto med denne e-postadressen"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"#Input_Email\">"));
        Assert.Equal(before, await app.DbAsync(db => db.Users.CountAsync()));
        // The existing account keeps its own name: the second registration did not overwrite it.
        Assert.Equal("Kåre Koordinator", await app.DbAsync(db => db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var session = app.NewSession();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await session.PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = Demo.Member, ["Input.Password"] = "feil passord " + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await session.PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = Demo.Member, ["Input.Password"] = FrivilligApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("låst", await WebSession.HtmlOf(right));
        // The lockout is stored on the account, not held in the session that tried.
        Assert.NotNull(await app.DbAsync(db => db.Users.Where(u => u.Email == Demo.Member).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Forgotten_password_mail_lets_the_person_choose_a_new_one()
    {
        var oldHash = await PasswordHashAsync(Demo.Volunteer);
        var session = app.NewSession();
        var response = await session.PostFormAsync("/konto/glemt-passord", new() { ["Input.Email"] = Demo.Volunteer });
        Assert.Contains("Hvis adressen har en konto", await WebSession.HtmlOf(response));
        var mail = await app.Mail.WaitForAsync(Demo.Volunteer, m => (m.Subject ?? "").Contains("passord", StringComparison.Ordinal));
        var link = Mailbox.FirstLink(mail, "/konto/nytt-passord");

        var reset = await session.PostFormAsync(link, new()
        {
            ["Input.Email"] = Demo.Volunteer,
            ["Input.Code"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!,
            ["Input.Password"] = "et helt nytt passord",
            ["Input.ConfirmPassword"] = "et helt nytt passord",
        }, formPage: link);
        Assert.Contains("Passordet er endret", await WebSession.HtmlOf(reset));
        Assert.NotEqual(oldHash, await PasswordHashAsync(Demo.Volunteer));
        await app.SignInAsync(Demo.Volunteer, "et helt nytt passord");
    }

    [Fact]
    public async Task Forgotten_password_for_unknown_address_answers_the_same_and_sends_nothing()
    {
        var response = await app.NewSession().PostFormAsync("/konto/glemt-passord", new() { ["Input.Email"] = "ingen@eksempel.no" });
        Assert.Contains("Hvis adressen har en konto", await WebSession.HtmlOf(response));
        await Task.Delay(500);
        Assert.Empty(app.Mail.To("ingen@eksempel.no"));
        // Not even queued: the outbox has nothing for the address.
        Assert.False(await app.DbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "ingen@eksempel.no")));
    }

    [Fact]
    public async Task Sign_in_does_not_follow_a_return_url_to_another_site()
    {
        var session = app.NewSession();
        var response = await session.PostFormAsync("/konto/logg-inn?ReturnUrl=%2F%2Fevil.example", new()
        {
            ["Input.Email"] = Demo.Coordinator,
            ["Input.Password"] = FrivilligApp.DemoPassword,
            ["ReturnUrl"] = "//evil.example",
        }, formPage: "/konto/logg-inn");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_out_is_a_post_with_antiforgery()
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        using var forged = await session.Client.PostAsync("/konto/logg-ut", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var real = await session.PostFormAsync("/konto/logg-ut", []);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        using var after = await session.Client.GetAsync("/konto");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Theory]
    [InlineData("/%0d%0aX", "/konto")]
    [InlineData("/%09/evil.example", "/konto")]
    [InlineData("/ok%7f", "/konto")]
    [InlineData("/%E2%80%A8x", "/konto")]
    [InlineData("/tromso?q=r%C3%B8de", "/tromso?q=r%C3%B8de")]
    public async Task Sign_in_with_an_odd_return_url_lands_on_a_safe_local_page(string returnUrl, string expected)
    {
        var session = app.NewSession();
        var response = await session.PostFormAsync("/konto/logg-inn?returnUrl=" + returnUrl, new()
        {
            ["Input.Email"] = Demo.TromsoPremisesManager, // not the account the lockout test locks
            ["Input.Password"] = FrivilligApp.DemoPassword,
        }, formPage: "/konto/logg-inn");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }
}
