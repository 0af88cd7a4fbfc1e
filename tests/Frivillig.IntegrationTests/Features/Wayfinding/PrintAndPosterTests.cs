using System.Net;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>The notice-board print (a district, a target group, a week or a month) and the one-page poster with its QR code.</summary>
public sealed class PrintAndPosterTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task The_print_takes_a_district_a_target_group_and_a_week_with_its_number_address_and_phone()
    {
        var forElderly = await Scenery.ActivityAsync(app, "Seniortrim i Kroken", app.Today.AddDays(1), 11, targets: ["eldre"], capacity: 10, contact: "Ring Kari på 912 34 567");
        var forChildren = await Scenery.ActivityAsync(app, "Barneteater i Kroken", app.Today.AddDays(1), 15, targets: ["barn"]);
        var html = await app.NewSession().GetHtmlAsync("/tromso/utskrift?district=kroken&target=eldre");
        Assert.Contains("<title>Aktiviteter i Kroken – Uke 48", html);
        Assert.Contains("Uke 48, 23. november–29. november 2026", html);
        Assert.Contains("Seniortrim i Kroken", html);
        Assert.DoesNotContain("Barneteater i Kroken", html);
        Assert.Contains("Kroken bibliotek, Krokensvingen 14", html);                // the district's own address
        Assert.Contains("Påmelding uten internett:", html);
        Assert.Contains("ring 77 79 00 00", html);                                  // the district's phone
        Assert.Contains("Påmelding: Ring Kari på 912 34 567", html);                // the activity's own contact
        Assert.Contains("/tromso?district=kroken", html);                           // the district, not the whole municipality
        Assert.Contains("Tilbake til kalenderen", html);
        Assert.Contains("data-print", html);
        _ = forElderly;
        _ = forChildren;
    }

    [Fact]
    public async Task The_print_takes_a_month_and_says_a_cancelled_date_in_words()
    {
        var id = await Scenery.ActivityAsync(app, "Månedsmøte i Tromsdalen", new DateOnly(2026, 12, 9), 18, district: "tromsdalen");
        await ActivityBuilder.CancelAsync(app, id);
        var html = await app.NewSession().GetHtmlAsync("/tromso/utskrift?district=tromsdalen&periode=maned&from=2026-12-01");
        Assert.Contains("Desember 2026", html);
        Assert.Contains("<strong class=\"cancelled-label\">Avlyst:</strong>", html);
        var css = await app.NewSession().GetHtmlAsync("/css/print.css");
        Assert.DoesNotContain("line-through", css);
    }

    [Theory]
    [InlineData("district=kroken&periode=aar")]
    [InlineData("district=kroken&from=1999-12-31")]
    [InlineData("district=kroken&from=9999-01-01")]
    [InlineData("district=finnes-ikke")]
    [InlineData("periode=aar")]
    public async Task A_print_it_cannot_make_says_why(string query)
    {
        using var response = await app.NewSession().Client.GetAsync($"/tromso/utskrift?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_district_the_print_is_the_page_to_choose_one()
    {
        using var response = await app.NewSession().Client.GetAsync("/tromso/utskrift");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("role=\"alert\"", html);
        Assert.Contains("Velg en bydel eller et distriktssenter over", html);
        Assert.Contains("<option value=\"tromsoya\"", html);
    }

    [Fact]
    public async Task Each_activity_has_a_poster_with_a_qr_code_to_its_page()
    {
        var id = await Scenery.ActivityAsync(app, "Plakatkafé", app.Today.AddDays(5), 12, frequency: RecurrenceFrequency.Weekly, count: 4,
            address: new PostalAddress("Storgata 1", "9008", "Tromsø"));
        var html = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}/plakat");
        Assert.Contains("<h1>Plakatkafé</h1>", html);
        Assert.Contains("<svg", html);
        Assert.Contains($"/tromso/aktiviteter/{id}", html);
        Assert.Contains("Storgata 1, 9008 Tromsø", html);
        Assert.Contains("Rusfritt", html);
        Assert.Contains($"<a href=\"/tromso/aktiviteter/{id}\">", html); // the way back
        Assert.Contains("/plakat", await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}"));
    }
}
