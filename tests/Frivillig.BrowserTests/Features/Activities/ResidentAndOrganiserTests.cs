using System.Text.RegularExpressions;
using Frivillig.BrowserTests.Infrastructure;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Frivillig.BrowserTests.Features.Activities;

public sealed partial class ResidentAndOrganiserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Resident_finds_a_drop_in_for_eldre_this_week_and_signs_up_for_a_course()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/tromso");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("kalender-uke");

        await page.GetByLabel("Bydel eller distriktssenter").SelectOptionAsync(new SelectOptionValue { Label = "Tromsøya" });
        await page.GetByLabel("For hvem").SelectOptionAsync(new SelectOptionValue { Label = "Eldre" });
        await page.GetByLabel("Drop-in eller påmelding").SelectOptionAsync(new SelectOptionValue { Label = "Bare drop-in" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis aktiviteter" }).ClickAsync();
        Assert.Contains("district=tromsoya", page.Url, StringComparison.Ordinal); // a link that can be shared
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kaffetreff for eldre" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Leksehjelp" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Kaffetreff for eldre" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kaffetreff for eldre");
        await Assertions.Expect(page.GetByText("Rusfritt").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("aktivitet-dropin");

        // A course with sign-up: she picks the first date and signs up without an account.
        await page.GotoAsync("/tromso?q=Digital&visning=liste&from=" + browser.App.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "&to=" + browser.App.Today.AddDays(62).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjelp: bank og helsenorge" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Hvilken dato?" }).GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Ragnhild Eldre");
        await page.GetByLabel("E-postadresse").FillAsync("ragnhild@eksempel.no");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("aktivitet-pamelding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du er påmeldt");
        await page.AssertAccessibleAsync();
        await browser.App.Mail.WaitForAsync("ragnhild@eksempel.no");
        Assert.Equal(SignUpStatus.Confirmed, await browser.App.DbAsync(db => db.SignUps.Where(s => s.Email == "ragnhild@eksempel.no").Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Organiser_publishes_a_weekly_series_and_cancels_one_date_across_the_spring_change()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(Demo.Coordinator);
        await page.GotoAsync("/tromso/organisasjoner");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tromsø Røde Kors", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Aktiviteter og påmeldinger", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny aktivitet" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Tittel").FillAsync("Kveldsprat <b>uten</b> HTML");
        await page.GetByLabel("Kategori").SelectOptionAsync("mote-og-prat");
        await page.GetByLabel("Eldre").CheckAsync();
        await page.GetByLabel("Bydel eller distriktssenter").SelectOptionAsync(new SelectOptionValue { Label = "Kroken" });
        await page.GetByLabel("Sted (adresse og rom)").FillAsync("Kroken bibliotek");
        await page.GetByLabel("Dato (første gang)").FillAsync("2027-03-18");
        await page.GetByLabel("Starter kl.").FillAsync("18:00");
        await page.GetByLabel("Slutter kl.").FillAsync("20:00");
        await page.GetByLabel("Hvor ofte").SelectOptionAsync("Weekly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og publiser" }).ClickAsync();

        // Two mistakes, each told beside its field: markup in the title, no rusfri declaration.
        await page.ScreenshotAsync("ny-aktivitet-feil");
        await Assertions.Expect(page.Locator("#Input_Title-error")).ToContainTextAsync("HTML-kode");
        await Assertions.Expect(page.Locator("#Input_Rusfri-error")).ToContainTextAsync("rusfrie");
        Assert.False(await browser.App.DbAsync(db => db.Activities.AnyAsync(a => a.Title.StartsWith("Kveldsprat"))));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("ny-aktivitet-feil");

        await page.GetByLabel("Tittel").FillAsync("Kveldsprat på Kroken");
        await page.GetByLabel("Aktiviteten er rusfri: ingen alkohol eller andre rusmidler").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og publiser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("publisert");

        // One date is changed on the activity's own page for its dates.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Administrer aktiviteten" }).GetByRole(AriaRole.Link, new() { Name = "Enkeltdatoer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = CancelMarch25() }).ClickAsync();
        // It asks first, naming the date; nothing is cancelled until the answer.
        await Assertions.Expect(page.Locator("#bekreft")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#bekreft")).ToContainTextAsync("25. mars");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = ConfirmMarch25() }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Datoen er avlyst");
        var stored = await browser.App.DbAsync(db => db.Activities.Include(a => a.DateChanges).SingleAsync(a => a.Title == "Kveldsprat på Kroken"));
        Assert.Equal(ActivityStatus.Published, stored.Status);
        Assert.True(Assert.Single(stored.DateChanges).Cancelled);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rediger-aktivitet");

        // Week view: the cancelled date is marked, the next week (summer time) is still 18:00.
        var resident = await browser.NewPageAsync();
        await resident.GotoAsync("/tromso?from=2027-03-22&to=2027-03-29&q=Kveldsprat");
        var card = resident.Locator("article.occurrence", new() { HasText = "Kveldsprat på Kroken" });
        await Assertions.Expect(card).ToContainTextAsync("Avlyst");
        await Assertions.Expect(card).ToContainTextAsync("18:00–20:00");
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("kalender-avlyst-dato");

        await resident.GotoAsync("/tromso?from=2027-03-15&to=2027-04-05&q=Kveldsprat&visning=liste");
        var items = resident.Locator("ol.occurrence-list article");
        await Assertions.Expect(items).ToHaveCountAsync(3);
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync("Avlyst");
        await Assertions.Expect(items.Nth(2)).ToContainTextAsync("18:00–20:00");
        Assert.Matches(DatetimeSummer(), await items.Nth(2).Locator("time").First.GetAttributeAsync("datetime") ?? string.Empty);
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("kalender-liste");
    }

    [GeneratedRegex(@"^Ja, avlys .*25\. mars")]
    private static partial Regex ConfirmMarch25();

    [GeneratedRegex(@"^Avlys .*25\. mar")]
    private static partial Regex CancelMarch25();

    [GeneratedRegex(@"^2027-04-01T18:00:00\+02:00$")]
    private static partial Regex DatetimeSummer();
}
