using Frivillig.BrowserTests.Infrastructure;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Frivillig.BrowserTests.Features.Realtime;

public sealed class LiveCalendarTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_published_activity_appears_on_another_open_page_without_reload()
    {
        var watcher = await browser.NewPageAsync();
        await watcher.GotoAsync("/tromso?from=2027-02-01&to=2027-02-08");
        await Assertions.Expect(watcher.Locator("body[data-live='on']")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        await watcher.EvaluateAsync("window.__sameDocument = true");

        var organiser = await browser.NewPageAsync();
        await organiser.SignInAsync(Demo.Coordinator);
        await organiser.GotoAsync("/tromso/organisasjoner");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "Tromsø Røde Kors", Exact = true }).ClickAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = "Aktiviteter og påmeldinger", Exact = true }).ClickAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = "Ny aktivitet" }).ClickAsync();
        await organiser.GetByLabel("Tittel").FillAsync("Dukker opp direkte");
        await organiser.GetByLabel("Kategori").SelectOptionAsync("mote-og-prat");
        await organiser.GetByLabel("Åpent for alle", new() { Exact = true }).CheckAsync();
        await organiser.GetByLabel("Bydel eller distriktssenter").SelectOptionAsync(new SelectOptionValue { Label = "Tromsøya" });
        await organiser.GetByLabel("Sted (adresse og rom)").FillAsync("Bydelshuset");
        await organiser.GetByLabel("Dato (første gang)").FillAsync("2027-02-04");
        await organiser.GetByLabel("Starter kl.").FillAsync("17:00");
        await organiser.GetByLabel("Slutter kl.").FillAsync("18:00");
        await organiser.GetByLabel("Aktiviteten er rusfri: ingen alkohol eller andre rusmidler").CheckAsync();
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Lagre og publiser" }).ClickAsync();
        await Assertions.Expect(organiser.GetByRole(AriaRole.Status)).ToContainTextAsync("publisert");
        Assert.Equal(ActivityStatus.Published, await browser.App.DbAsync(db => db.Activities.Where(a => a.Title == "Dukker opp direkte").Select(a => a.Status).SingleAsync()));

        // The watcher's week shows it within a second or so, and a screen reader hears it politely.
        await Assertions.Expect(watcher.GetByRole(AriaRole.Link, new() { Name = "Dukker opp direkte" })).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Assertions.Expect(watcher.Locator("#live-announcer")).ToContainTextAsync("Ny aktivitet: Dukker opp direkte");
        await Assertions.Expect(watcher.Locator("#live-announcer")).ToHaveAttributeAsync("aria-live", "polite");
        Assert.True(await watcher.EvaluateAsync<bool>("window.__sameDocument === true"), "the page was reloaded");
        await watcher.AssertAccessibleAsync();
        await watcher.ScreenshotAsync("live-kalender");
    }

    [Fact]
    public async Task Without_javascript_the_calendar_still_works()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tromso");
        // Without script the filters stay folded until opened: a native disclosure.
        await page.GetByText("Filtrer og søk").ClickAsync();
        await page.GetByLabel("Bydel eller distriktssenter").SelectOptionAsync(new SelectOptionValue { Label = "Tromsøya" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis aktiviteter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kaffetreff for eldre" }).First).ToBeVisibleAsync();
        Assert.Contains("district=tromsoya", page.Url, StringComparison.Ordinal);
    }
}
