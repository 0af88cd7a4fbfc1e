using System.Globalization;
using Frivillig.BrowserTests.Infrastructure;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Frivillig.BrowserTests.Features.Wayfinding;

/// <summary>
/// What axe cannot see, checked in the browser: a resident on a phone signs up in four actions; every
/// page has its own title; a failed submit and a live update leave focus where it helps; nothing scrolls
/// sideways at 320 px and no word is cut at 200 % text; buttons look like what they do. Each changed page
/// passes axe at desktop and phone width, and is photographed for a look.
/// </summary>
public sealed class WayfindingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> PhoneAsync(string? account = null, bool javaScript = true)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        if (account is not null)
        {
            await page.SignInAsync(account);
        }

        return page;
    }

    private async Task<IPage> DesktopAsync(string? account = null)
    {
        var page = await browser.NewPageAsync();
        if (account is not null)
        {
            await page.SignInAsync(account);
        }

        return page;
    }

    /// <summary>The pages this work changed or added, each with who sees it.</summary>
    private async Task<IReadOnlyList<(string? Account, string Path, string Name)>> PagesAsync()
    {
        var (id, date) = await new ActivityBuilder("Sidetest med påmelding", Capacity: 4, DaysAhead: 2, Frequency: RecurrenceFrequency.Weekly, Count: 4).SaveAsync(browser.App);
        await browser.App.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp",
            new() { ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = "Siri Sidetest", ["Input.Email"] = Demo.Volunteer });
        var orgId = await browser.App.OrganisationIdAsync(Demo.RodeKors);
        var manage = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        return
        [
            (null, "/tromso", "kalender"),
            (null, "/tromso?visning=liste", "kalender-liste"),
            (null, "/tromso?district=sommaroy&target=barn", "kalender-tom"),
            (null, $"/tromso/aktiviteter/{id}", "aktivitet"),
            (null, $"/tromso/organisasjoner/{orgId}", "organisasjon"),
            (null, "/tromso/utskrift?district=tromsoya", "utskrift"),
            (null, $"/tromso/aktiviteter/{id}/plakat", "plakat"),
            (null, "/tromso/tilgjengelighet", "tilgjengelighetserklaering"),
            (null, "/tromso/personvern", "personvernerklaering"),
            (Demo.Volunteer, "/konto", "min-side-frivillig"),
            (Demo.Coordinator, "/konto", "min-side-koordinator"),
            (Demo.TromsoAdmin, "/konto", "min-side-kommuneadmin"),
            (Demo.TromsoAdmin, "/tromso/admin", "kommuneadmin"),
            (Demo.TromsoAdmin, "/tromso/admin/oversikt", "oversikt"),
            (Demo.Coordinator, $"{manage}/pameldte", "pameldte"),
            (Demo.Coordinator, $"{manage}/pameldte/{date}", "pameldte-dato"),
            (Demo.Coordinator, $"{manage}/datoer", "enkeltdatoer"),
            (Demo.Coordinator, manage, "rediger-aktivitet"),
            (Demo.Coordinator, $"/tromso/organisasjoner/{orgId}/rediger", "rediger-organisasjon"),
        ];
    }

    [Fact]
    public async Task A_resident_on_a_phone_goes_from_the_calendar_to_a_sign_up_in_four_actions()
    {
        await new ActivityBuilder("Strikkekurs i ettermiddag", Capacity: 10, DaysAhead: 0, Hour: 14).SaveAsync(browser.App);
        var page = await PhoneAsync();
        await page.GotoAsync("/tromso");

        // The first activity is on the first screen: the filters are folded away.
        var first = page.Locator(".occurrence").First;
        var box = await first.BoundingBoxAsync();
        Assert.True(box is not null && box.Y + box.Height <= 844, $"the first activity ends at {box?.Y + box?.Height} px, below the first screen");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Strikkekurs i ettermiddag" }).ClickAsync();           // 1
        await page.GetByLabel("Navn").FillAsync("Randi Resident");                                                  // 2
        await page.GetByLabel("E-postadresse").FillAsync("randi@eksempel.no");                                       // 3
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();                         // 4
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du er påmeldt Strikkekurs i ettermiddag");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("mobil-pamelding-kvittering");
    }

    [Fact]
    public async Task Every_page_has_its_own_title()
    {
        var titles = new Dictionary<string, string>();
        foreach (var group in (await PagesAsync()).GroupBy(p => p.Account))
        {
            var page = await DesktopAsync(group.Key);
            foreach (var (_, path, name) in group)
            {
                await page.GotoAsync(path);
                var title = await page.TitleAsync();
                var heading = (await page.Locator("h1").First.InnerTextAsync()).Trim();
                Assert.False(title is "Frivillig" or "Tromsø – Frivillig", $"{path} has only the site's name as its title");
                Assert.EndsWith("Frivillig", title);
                titles[$"{group.Key} {path}"] = title;
                _ = heading;
            }
        }

        // Pages with different content have different titles (the two Min side pages differ by person, not by title).
        var distinct = titles.Where(t => !t.Key.EndsWith("/konto", StringComparison.Ordinal)).Select(t => t.Value).ToList();
        Assert.Equal(distinct.Count, distinct.Distinct().Count());
    }

    [Fact]
    public async Task A_failed_submit_moves_focus_to_the_error_summary_whose_links_reach_the_fields()
    {
        var (id, _) = await new ActivityBuilder("Feilfokus", Capacity: 5, DaysAhead: 3).SaveAsync(browser.App);
        var page = await DesktopAsync();
        await page.GotoAsync($"/tromso/aktiviteter/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feiloppsummering")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();

        await page.Locator("#feiloppsummering a").First.ClickAsync();
        var focused = await page.EvaluateAsync<string>("document.activeElement.tagName + '#' + document.activeElement.id");
        Assert.StartsWith("INPUT#Input_", focused);

        // A group's link lands on its first choice, not on the legend.
        var org = await DesktopAsync(Demo.Coordinator);
        await org.GotoAsync("/tromso/organisasjoner/ny");
        await org.GetByRole(AriaRole.Button, new() { Name = "Send til godkjenning" }).ClickAsync();
        await Assertions.Expect(org.Locator("#feiloppsummering")).ToBeFocusedAsync();
        await org.Locator("#feiloppsummering a[href='#Input_DistrictIds']").ClickAsync();
        Assert.Equal("INPUT#Input_DistrictIds", await org.EvaluateAsync<string>("document.activeElement.tagName + '#' + document.activeElement.id"));
    }

    [Fact]
    public async Task A_live_update_keeps_focus_where_it_was_and_says_which_date_has_places()
    {
        var (id, date) = await new ActivityBuilder("Fokus blir", Capacity: 3, DaysAhead: 4, Frequency: RecurrenceFrequency.Weekly, Count: 3).SaveAsync(browser.App);
        var page = await DesktopAsync();
        await page.GotoAsync($"/tromso/aktiviteter/{id}");
        await Assertions.Expect(page.Locator("body[data-live='on']")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        var link = page.Locator("#live-region a[download]").Nth(1);
        await link.FocusAsync();
        var href = await link.GetAttributeAsync("href");

        await browser.App.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp",
            new() { ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = "Live", ["Input.Phone"] = "912 34 567" });
        await Assertions.Expect(page.Locator("#live-announcer")).ToContainTextAsync("Ledige plasser", new() { Timeout = 10000 });
        await Assertions.Expect(page.Locator("#live-announcer")).ToContainTextAsync("søndag 29. november");
        Assert.Equal(href, await page.EvaluateAsync<string?>("document.activeElement.getAttribute('href')"));
    }

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_px()
    {
        foreach (var group in (await PagesAsync()).GroupBy(p => p.Account))
        {
            var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = 320, Height = 800 } });
            var page = await context.NewPageAsync();
            if (group.Key is not null)
            {
                await page.SignInAsync(group.Key);
            }

            foreach (var (_, path, name) in group)
            {
                await page.GotoAsync(path);
                var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(width <= 320, $"{path} is {width} px wide at 320 px");
                await page.ScreenshotAsync($"320-{name}");
            }
        }
    }

    [Fact]
    public async Task No_word_is_cut_in_the_middle_with_text_at_200_percent()
    {
        await new ActivityBuilder("Samtalegruppe for pårørende", Capacity: 5, DaysAhead: 1).SaveAsync(browser.App);
        var page = await DesktopAsync();
        await page.GotoAsync("/tromso");
        await page.EvaluateAsync("document.documentElement.style.fontSize = '200%'");
        // Each word of each title and heading in the week, measured as a range: a word drawn on two lines has two boxes.
        var cut = await page.EvaluateAsync<string[]>("""
            () => {
              const cut = [];
              for (const el of document.querySelectorAll('.week .occurrence-title a, .week .day-heading, .week .where')) {
                const text = el.firstChild;
                if (!text || text.nodeType !== Node.TEXT_NODE) continue;
                const re = /\S+/g; let m;
                while ((m = re.exec(text.data))) {
                  const r = document.createRange(); r.setStart(text, m.index); r.setEnd(text, m.index + m[0].length);
                  const lines = new Set([...r.getClientRects()].map(b => Math.round(b.top)));
                  if (lines.size > 1) cut.push(m[0]);
                }
              }
              return cut;
            }
            """);
        Assert.True(cut.Length == 0, "cut: " + string.Join(", ", cut));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 1280, "sideways scrolling at 200 %");
        await page.ScreenshotAsync("tekst-200-prosent");
    }

    [Fact]
    public async Task Danger_and_secondary_buttons_do_not_look_primary()
    {
        var (id, _) = await new ActivityBuilder("Knappefarge").SaveAsync(browser.App);
        var orgId = await browser.App.OrganisationIdAsync(Demo.RodeKors);
        var page = await DesktopAsync(Demo.Coordinator);
        await page.GotoAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/avlys");
        var danger = await page.Locator("button.button-danger").First.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        await page.GotoAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}");
        var primary = await page.Locator("button.button:not(.button-secondary):not(.button-danger)").First.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        Assert.NotEqual(primary, danger);

        // The confirmation works by keyboard alone and starts with focus on the question.
        await page.GotoAsync($"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/avlys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Avlys hele aktiviteten" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#bekreft")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("bekreft-avlysning");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("avlyst");
        Assert.Equal(ActivityStatus.Cancelled, await browser.App.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_changed_pages_pass_axe_at_desktop_and_phone_width_and_are_photographed()
    {
        foreach (var group in (await PagesAsync()).GroupBy(p => p.Account))
        {
            var desktop = await DesktopAsync(group.Key);
            var phone = await PhoneAsync(group.Key);
            foreach (var (_, path, name) in group)
            {
                await desktop.GotoAsync(path);
                await desktop.AssertAccessibleAsync();
                await desktop.ScreenshotAsync(name);
                await phone.GotoAsync(path);
                await phone.AssertAccessibleAsync();
                await phone.ScreenshotAsync("mobil-" + name);
            }
        }
    }
}
