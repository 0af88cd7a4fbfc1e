using Frivillig.BrowserTests.Infrastructure;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Frivillig.BrowserTests.Features.Accounts;

public sealed class MyPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_member_makes_a_calendar_address_and_reaches_the_organisation_activities()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(Demo.Coordinator);
        await page.GotoAsync("/konto");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag kalenderadresse" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Kalenderadresse (iCal)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/ical/me/.+\\.ics$"));
        Assert.NotNull(await browser.App.DbAsync(db => db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.CalendarTokenHash).SingleAsync()));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("min-side-kalender");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tromsø Røde Kors", Exact = true }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("organisasjon-medlem");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aktiviteter og påmeldinger", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tromsø Røde Kors");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("organisasjon-aktiviteter");
    }
}
