using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>The municipality's overview of meeting places per district and target group, the statements, the footer, and data kept only as long as promised.</summary>
public sealed class OverviewAndStatementsTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task The_overview_counts_offers_per_district_and_target_group_and_marks_the_gaps()
    {
        var from = app.Today.AddDays(60);
        await Scenery.ActivityAsync(app, "Oversikt drop-in gratis trinnfri", from.AddDays(1), 12, district: "sommaroy", targets: ["eldre"], accessibility: ["trinnfri"]);
        await Scenery.ActivityAsync(app, "Oversikt med påmelding og pris", from.AddDays(2), 12, district: "sommaroy", targets: ["eldre", "barn"], capacity: 5, price: 50);
        var cancelled = await Scenery.ActivityAsync(app, "Oversikt avlyst", from.AddDays(3), 12, district: "kaldfjord", targets: ["eldre"]);
        await ActivityBuilder.CancelAsync(app, cancelled);

        var admin = await app.SignInAsync(Demo.TromsoAdmin);
        var query = $"from={from:yyyy-MM-dd}&to={from.AddDays(7):yyyy-MM-dd}";
        var html = await admin.GetHtmlAsync($"/tromso/admin/oversikt?{query}");
        var sommaroy = Row(html, "Sommarøy");
        Assert.Contains("<td data-label=\"Tilbud\">2</td>", sommaroy);
        Assert.Contains("<td data-label=\"Drop-in\">1</td>", sommaroy);
        Assert.Contains("<td data-label=\"Gratis\">1</td>", sommaroy);
        Assert.Contains("<td data-label=\"Trinnfri adkomst\">1</td>", sommaroy);
        Assert.Contains("ingen tilbud", Row(html, "Kaldfjord")); // a cancelled offer is no offer
        Assert.Contains("Uten tilbud i perioden:", html);
        Assert.Contains("class=\"none\"", html);

        using var csv = await admin.Client.GetAsync($"/tromso/admin/oversikt?handler=Csv&{query}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("\"Sommarøy\";\"2\";\"1\";\"1\";\"1\"", text);

        // Only the municipality's admins.
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        using var refused = await coordinator.Client.GetAsync("/tromso/admin/oversikt");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        using var bad = await admin.Client.GetAsync("/tromso/admin/oversikt?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"feiloppsummering\"", await bad.Content.ReadAsStringAsync());
    }

    private static string Row(string html, string district)
    {
        var start = html.IndexOf($"<th scope=\"row\">{district}", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {district}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("/tilgjengelighet", "Tilgjengelighetserklæring", "WCAG 2.1")]
    [InlineData("/tromso/tilgjengelighet", "Tilgjengelighetserklæring", "postmottak@tromso.kommune.no")]
    [InlineData("/personvern", "Personvernerklæring", "90 dager")]
    [InlineData("/tromso/personvern", "Personvernerklæring", "77 79 00 00")]
    public async Task The_statements_say_what_they_must_and_name_the_municipalitys_contact(string path, string title, string text)
    {
        var html = await app.NewSession().GetHtmlAsync(path);
        Assert.Contains($"<title>{title}", html);
        Assert.Contains(text, html);
    }

    [Fact]
    public async Task Every_page_has_a_footer_with_the_statements_and_the_municipalitys_contact()
    {
        var html = await app.NewSession().GetHtmlAsync("/tromso");
        Assert.Contains("href=\"/tromso/tilgjengelighet\"", html);
        Assert.Contains("href=\"/tromso/personvern\"", html);
        Assert.Contains("Kontakt Tromsø kommune", html);
        Assert.Contains("postmottak@tromso.kommune.no", html);
        Assert.Contains("rel=\"icon\" href=\"/favicon.svg\"", html);
        using var icon = await app.NewSession().Client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
    }

    [Fact]
    public async Task The_municipality_admin_sets_the_contact_and_a_districts_address_and_phone()
    {
        var admin = await app.SignInAsync(Demo.LunnerAdmin);
        await WebSession.AssertRedirectAsync(await admin.PostFormAsync("/lunner/admin?handler=Contact",
            new() { ["Contact.Email"] = "frivillig@lunner.example", ["Contact.Phone"] = "61 32 40 01", ["Contact.Address"] = "Rådhusvegen 16, 2740 Roa" }, formPage: "/lunner/admin"));
        Assert.Contains("frivillig@lunner.example", await app.NewSession().GetHtmlAsync("/lunner"));

        var grua = await app.DbAsync(db => db.Districts.IgnoreQueryFilters().Where(d => d.Slug == "grua").Select(d => d.Id).SingleAsync());
        await WebSession.AssertRedirectAsync(await admin.PostFormAsync($"/lunner/admin?handler=District&districtId={grua}",
            new() { ["districtAddress"] = "Grua skole, Gruavegen 40", ["districtPhone"] = "61 32 40 99" }, formPage: "/lunner/admin"));
        Assert.Contains("ring 61 32 40 99", await app.NewSession().GetHtmlAsync("/lunner/utskrift?district=grua"));

        var bad = await admin.PostFormAsync($"/lunner/admin?handler=District&districtId={grua}", new() { ["districtPhone"] = "ring meg" }, formPage: "/lunner/admin");
        Assert.Contains("Skriv telefonnummeret med siffer", await bad.Content.ReadAsStringAsync());
        // Another municipality's district is not found.
        var kroken = await app.DbAsync(db => db.Districts.IgnoreQueryFilters().Where(d => d.Slug == "kroken").Select(d => d.Id).SingleAsync());
        using var other = await admin.PostFormAsync($"/lunner/admin?handler=District&districtId={kroken}", new() { ["districtPhone"] = "61 32 40 99" }, formPage: "/lunner/admin");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}

/// <summary>Personal data kept only as long as the privacy statement says; its own app, because it moves the clock three months on.</summary>
public sealed class RetentionTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task Sign_ups_and_sent_mail_are_deleted_when_the_privacy_statement_says()
    {
        var (id, date) = await new ActivityBuilder("Gammel påmelding", Capacity: 5, DaysAhead: 1).SaveAsync(app);
        await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp",
            new() { ["Input.Date"] = date.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = "Glemt", ["Input.Email"] = "glemt@eksempel.no" });
        await app.Mail.WaitForAsync("glemt@eksempel.no");
        // The sender marks the mail sent just after the SMTP server has it: wait for that before the clock
        // moves, or a busy machine has it marked sent at the moved time.
        for (var i = 0; i < 100 && await app.DbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "glemt@eksempel.no" && m.SentAt == null)); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await app.DbAsync(db => db.SignUps.AnyAsync(s => s.Email == "glemt@eksempel.no")));

        var retention = app.Services.GetRequiredService<RetentionService>();
        app.Clock.Advance(TimeSpan.FromDays(60));
        await retention.RunAsync(CancellationToken.None);
        Assert.True(await app.DbAsync(db => db.SignUps.AnyAsync(s => s.Email == "glemt@eksempel.no")), "kept while the date is less than 90 days past");

        app.Clock.Advance(TimeSpan.FromDays(32));
        await retention.RunAsync(CancellationToken.None);
        Assert.False(await app.DbAsync(db => db.SignUps.AnyAsync(s => s.Email == "glemt@eksempel.no")));
        Assert.False(await app.DbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "glemt@eksempel.no")), "sent mail goes 30 days after it was sent");
    }
}
