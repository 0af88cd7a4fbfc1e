using System.Globalization;
using System.Text.RegularExpressions;
using Frivillig.BrowserTests.Infrastructure;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Premises;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Frivillig.BrowserTests.Features.Premises;

/// <summary>The app on Kestrel sending its mail to a real SMTP server on loopback, and Chromium.</summary>
public sealed class PremisesBrowserFixture : IAsyncLifetime
{
    public SmtpServer Smtp { get; } = new();
    public FrivilligApp App { get; }
    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright? _playwright;

    public PremisesBrowserFixture() => App = new FrivilligApp()
        .With("Frivillig:Smtp:Host", "127.0.0.1")
        .With("Frivillig:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture))
        .With("Frivillig:Smtp:From", "Frivillig Tromsø <ikke-svar@frivillig.test>")
        .With("Frivillig:Smtp:RetryBaseSeconds", "0.2");

    public async Task InitializeAsync() => (BaseUrl, _playwright, Browser) = await BrowserFixture.LaunchAsync(App);

    public async Task<IPage> PageAsync(int width = 1280, string? account = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        if (account is not null)
        {
            await page.SignInAsync(account);
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        Smtp.Dispose();
    }
}

/// <summary>
/// Done when: a coordinator finds a free gym on Tuesday evenings, applies for a weekly series for the
/// season, sees two clashing dates and sends the rest; a manager allocates it; the activity shows the
/// gym as its place; the access instructions arrive by SMTP before the first date. Every premises page
/// passes axe (WCAG 2.1 AA), has its own title and does not scroll sideways at 320 px.
/// </summary>
public sealed class PremisesBrowserTests(PremisesBrowserFixture fixture) : IClassFixture<PremisesBrowserFixture>
{
    private static readonly DateOnly FirstTuesday = new(2027, 1, 5);

    [Fact]
    public async Task A_coordinator_applies_for_a_gym_on_tuesdays_a_manager_allocates_and_the_access_instructions_arrive()
    {
        var activity = await new ActivityBuilder("Innebandy for alle").SaveAsync(fixture.App);
        var page = await fixture.PageAsync(account: Demo.Coordinator);

        // Find a free gym on Tuesday evenings.
        await page.GotoAsync("/tromso/lokaler");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Gymgulv").CheckAsync();
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync(FirstTuesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Fra klokken").FillAsync("18:00");
        await page.GetByLabel("Til klokken").FillAsync("20:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis lokaler" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Gymsal (hel) – 120 personer")).ToBeVisibleAsync();
        await page.ScreenshotAsync("lokaler-ledig-tirsdag");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kroken skole" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kroken skole", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("lokale-kroken-skole");

        // Apply for a fixed weekly time in the season; two dates clash and are left out.
        await page.GetByRole(AriaRole.Link, new() { Name = "Book Gymsal (hel)" }).ClickAsync();
        await page.GetByLabel("Organisasjon").SelectOptionAsync(new SelectOptionValue { Label = "Tromsø Røde Kors" });
        await page.GetByLabel("Aktivitet").SelectOptionAsync(new SelectOptionValue { Label = "Innebandy for alle" });
        await page.GetByLabel(new Regex("^Fast tid hver uke i Vår 2027")).CheckAsync();
        await page.GetByLabel("Dato (første dato for en serie)").FillAsync(FirstTuesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Fra klokken").FillAsync("18:00");
        await page.GetByLabel("Til klokken").FillAsync("20:00");
        await page.GetByLabel("Hva skal rommet brukes til?").FillAsync("Innebandy for ungdom, fast hver tirsdag");
        await page.GetByLabel("Vi følger reglene for rommet, og bruken er rusfri.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sjekk datoene" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("2 av 2[0-9] datoer kolliderer"))).ToBeVisibleAsync();
        Assert.Equal(2, await page.Locator("tr.clash").CountAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("bestill-kolliderende-datoer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send forespørsel" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("Søknaden om fast tid \\(booking \\d+\\) er sendt"))).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        var bookingId = int.Parse(Regex.Match(await page.ContentAsync(), "booking (\\d+)\\) er sendt").Groups[1].Value, CultureInfo.InvariantCulture);

        // A premises manager allocates it in the season's round.
        var manager = await fixture.PageAsync(account: Demo.TromsoPremisesManager);
        await manager.GotoAsync("/tromso/lokaler/forvaltning");
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Vår 2027", Exact = true }).ClickAsync();
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAsync("forvaltning-sesong");
        await manager.GetByRole(AriaRole.Button, new() { Name = $"Tildel booking {bookingId}" }).ClickAsync();
        await Assertions.Expect(manager.GetByText($"Booking {bookingId} er tildelt og godkjent")).ToBeVisibleAsync();

        // The activity is held in the gym.
        await page.GotoAsync($"/tromso/aktiviteter/{activity.Id}");
        await Assertions.Expect(page.GetByText("Kroken skole, Gymsal (hel)").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Lekkervegen 1").First).ToBeVisibleAsync();
        var decision = await fixture.Smtp.WaitForAsync(await ContactAsync(bookingId), m => m.Subject!.StartsWith("Godkjent", StringComparison.Ordinal));
        Assert.Contains("Gymsal (hel), Kroken skole", decision.Subject);

        // Two days before the first date, the access instructions go out by SMTP, and not before.
        Assert.DoesNotContain(fixture.Smtp.Received(), m => m.Subject!.StartsWith("Adgang", StringComparison.Ordinal) && m.Subject.Contains("januar 2027", StringComparison.Ordinal));
        fixture.App.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 3, 18, 0, 0, TimeSpan.Zero));
        await fixture.App.Services.GetRequiredService<AccessInstructionsSender>().SendDueAsync(CancellationToken.None);
        var access = await fixture.Smtp.WaitForAsync(await ContactAsync(bookingId), m => m.Subject!.StartsWith("Adgang til Gymsal (hel)", StringComparison.Ordinal) && m.Subject.Contains("5. januar 2027", StringComparison.Ordinal));
        Assert.Contains("tirsdag 5. januar 2027 kl. 18:00", access.TextBody);
        Assert.Contains("kode 4711", access.TextBody);
    }

    private Task<string> ContactAsync(int bookingId) => fixture.App.DbAsync(db => db.Bookings.Where(b => b.Id == bookingId).Select(b => b.ContactEmail).SingleAsync());

    [Fact]
    public async Task Every_premises_page_passes_axe_has_its_own_title_and_fits_320_px()
    {
        var gym = await fixture.App.DbAsync(db => db.Rooms.Where(r => r.Name == "Gymsal (hel)").Select(r => new { r.Id, r.BuildingId }).SingleAsync());
        var orgId = await fixture.App.OrganisationIdAsync(Demo.RodeKors);
        var pending = await fixture.App.DbAsync(db => db.Bookings.Where(b => b.Status == Model.Premises.BookingStatus.Pending).Select(b => b.Id).FirstAsync());
        var season = await fixture.App.DbAsync(db => db.Seasons.Where(s => db.Municipalities.Any(m => m.Id == s.MunicipalityId && m.Slug == Demo.Tromso)).Select(s => s.Id).SingleAsync());
        (string? Account, string Path, string Name)[] pages =
        [
            (null, "/tromso/lokaler", "lokaler"),
            (null, "/tromso/lokaler?kind=Bibliotek&capacity=-1", "lokaler-feil"),
            (null, $"/tromso/lokaler/{gym.BuildingId}", "lokale"),
            (Demo.Coordinator, $"/tromso/lokaler/{gym.BuildingId}/bestill?rom={gym.Id}", "bestill"),
            (Demo.Coordinator, $"/tromso/organisasjoner/{orgId}/lokaler", "organisasjonens-bookinger"),
            (Demo.TromsoPremisesManager, "/tromso/lokaler/forvaltning", "forvaltning"),
            (Demo.TromsoPremisesManager, $"/tromso/lokaler/forvaltning/{pending}", "foresporsel"),
            (Demo.TromsoPremisesManager, $"/tromso/lokaler/forvaltning/sesong/{season}", "sesong"),
            (Demo.TromsoPremisesManager, "/konto", "min-side-lokalforvalter"),
            (Demo.TromsoPremisesManager, "/tromso/lokaler/forvaltning/bygg", "nytt-bygg"),
            (Demo.TromsoPremisesManager, $"/tromso/lokaler/forvaltning/bygg/{gym.BuildingId}", "rediger-bygg"),
            (Demo.TromsoPremisesManager, $"/tromso/lokaler/forvaltning/rom?bygg={gym.BuildingId}", "nytt-rom"),
            (Demo.TromsoPremisesManager, $"/tromso/lokaler/forvaltning/rom/{gym.Id}", "rediger-rom"),
            (Demo.TromsoPremisesManager, "/tromso/lokaler/forvaltning/sesonger", "ny-sesong"),
            (Demo.TromsoPremisesManager, $"/tromso/lokaler/forvaltning/sesonger/{season}", "rediger-sesong"),
        ];
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in pages.Select(p => p.Account).Distinct())
        {
            var desktop = await fixture.PageAsync(account: account);
            var phone = await fixture.PageAsync(320, account);
            foreach (var (_, path, name) in pages.Where(p => p.Account == account))
            {
                await desktop.GotoAsync(path);
                await desktop.AssertAccessibleAsync();
                var title = await desktop.TitleAsync();
                Assert.False(titles.ContainsKey(title), $"{path} has the same title as {titles.GetValueOrDefault(title)}: {title}");
                titles[title] = path;
                await desktop.ScreenshotAsync($"lokaler-{name}");

                await phone.GotoAsync(path);
                await phone.AssertAccessibleAsync();
                var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(width <= 320, $"{path} is {width} px wide at 320 px");
                await phone.ScreenshotAsync($"320-lokaler-{name}");
            }
        }
    }
}
