using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Frivillig.BrowserTests.Infrastructure;

/// <summary>
/// The app on Kestrel at a loopback port, and Debian's Chromium driven by Playwright. Playwright
/// cannot download its own browser here, so the executable comes from CHROMIUM_PATH or /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public FrivilligApp App { get; } = new();
    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright? _playwright;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync() => (BaseUrl, _playwright, Browser) = await LaunchAsync(App);

    /// <summary>
    /// Starts the app on Kestrel at a loopback port and launches Chromium; shared by the fixtures that
    /// configure an app of their own (mail to a real SMTP server).
    /// </summary>
    public static async Task<(string BaseUrl, IPlaywright Playwright, IBrowser Browser)> LaunchAsync(FrivilligApp app)
    {
        var baseUrl = app.StartOnKestrel();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        return (baseUrl, playwright, browser);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public static class PageChecks
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>axe-core in the page: no WCAG 2.1 A/AA violation. The message lists each rule and element.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString() ?? n.Html))}").ToList();
        Assert.True(problems.Count == 0, $"{page.Url}: {string.Join("\n", problems)}");
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    public static async Task SignInAsync(this IPage page, string email, string password = FrivilligApp.DemoPassword)
    {
        await page.GotoAsync("/konto/logg-inn");
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/konto/logg-inn"), new() { Timeout = 20000 });
    }
}
