using System.Globalization;
using System.Text.RegularExpressions;
using Frivillig.BrowserTests.Infrastructure;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Volunteering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Frivillig.BrowserTests.Features.Volunteering;

/// <summary>The app on Kestrel with its mail going to a real SMTP server on loopback, and Chromium.</summary>
public sealed class VolunteerBrowserFixture : IAsyncLifetime
{
    public SmtpServer Smtp { get; } = new();
    public FrivilligApp App { get; }
    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright? _playwright;

    public VolunteerBrowserFixture() => App = new FrivilligApp()
        .With("Frivillig:Smtp:Host", "127.0.0.1")
        .With("Frivillig:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture))
        .With("Frivillig:Smtp:From", "Frivillig Tromsø <ikke-svar@frivillig.test>");

    public async Task InitializeAsync() => (BaseUrl, _playwright, Browser) = await BrowserFixture.LaunchAsync(App);

    public async Task<IPage> PageAsync(int width = 1280, int height = 900, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = width, Height = height }, IsMobile = phone, HasTouch = phone });
        return await context.NewPageAsync();
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
/// Done when, in a browser: a volunteer finds "besøksvenn" in their district, sees what the role is and
/// is not, completes the two required modules, signs the declaration, applies, is approved, takes a
/// shift, is checked in and sees their hours; the staff contact got word before the shift. axe finds
/// nothing on these pages, each has its own title, and none scrolls sideways at 320 px.
/// </summary>
public sealed class VolunteerBrowserTests(VolunteerBrowserFixture fixture) : IClassFixture<VolunteerBrowserFixture>
{
    private const string Volunteer = "vera.venn@frivillig.test";
    private const string Staff = "hjemmetjenesten.tromsoya@frivillig.test";
    private static readonly int[] RoleAnswers = [1, 1, 0];
    private static readonly int[] ConfidentialityAnswers = [1, 0, 1];

    private static async Task CheckAsync(IPage page, string screenshot, HashSet<string> titles)
    {
        await page.AssertAccessibleAsync();
        var title = await page.TitleAsync();
        Assert.EndsWith("Frivillig", title);
        Assert.False(title is "Frivillig" or "Tromsø – Frivillig", $"{page.Url} has only the site's name as its title");
        Assert.True(titles.Add(title), $"{page.Url}: the title «{title}» is used by another page");
        await page.ScreenshotAsync(screenshot);
    }

    private static async Task AnswerAsync(IPage page, int[] answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            await page.Locator($"#q{i}-{answers[i]}").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Send svarene" }).ClickAsync();
    }

    [Fact]
    public async Task A_volunteer_goes_from_finding_besoksvenn_to_seeing_their_hours_and_the_staff_are_told_before_the_shift()
    {
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var page = await fixture.PageAsync(390, 844, phone: true);
        await page.SignInAsync(Volunteer);

        // Finds the role in her district.
        await page.GotoAsync("/tromso/frivillig");
        await page.GetByLabel("Bydel").SelectOptionAsync(new SelectOptionValue { Label = "Tromsøya" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis roller" }).ClickAsync();
        await CheckAsync(page, "frivillig-roller", titles);
        await page.GetByRole(AriaRole.Link, new() { Name = "Besøksvenn", Exact = true }).ClickAsync();

        // Sees what the role is and is not.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dette gjør du ikke" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".may-not-do")).ToContainTextAsync("Håndtere penger, bankkort eller passord");
        await CheckAsync(page, "frivillig-rolle", titles);
        var roleUrl = page.Url;

        // The two modules, each with its quiz.
        await page.GetByRole(AriaRole.Link, new() { Name = "Opplæring: Rollen som frivillig" }).ClickAsync();
        await CheckAsync(page, "frivillig-opplaering", titles);
        await AnswerAsync(page, RoleAnswers);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du har fullført «Rollen som frivillig»");
        await page.GetByRole(AriaRole.Link, new() { Name = "Opplæring: Taushetsplikt og informasjonsdeling" }).ClickAsync();
        await AnswerAsync(page, ConfidentialityAnswers);

        // Signs the declaration.
        await page.GetByRole(AriaRole.Link, new() { Name = "Signer taushetserklæringen (versjon 1)" }).ClickAsync();
        await CheckAsync(page, "frivillig-taushetserklaering", titles);
        await page.GetByLabel("Jeg har lest erklæringen og lover å følge den").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Signer erklæringen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").Last).ToContainTextAsync("Du har alt rollen krever.");

        // Applies.
        await page.GetByLabel("Hilsen til koordinatoren").FillAsync("Jeg liker å gå tur og spille kort.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søk på rollen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Søknaden er sendt");

        // The coordinator approves.
        var coordinator = await fixture.PageAsync();
        await coordinator.SignInAsync(Demo.Coordinator);
        var orgId = await fixture.App.OrganisationIdAsync(Demo.RodeKors);
        var roleId = int.Parse(Regex.Match(roleUrl, @"roller/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        await coordinator.GotoAsync($"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige");
        await CheckAsync(coordinator, "frivillig-soknader", titles);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkjenn Vera Venn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Vera Venn er godkjent");

        // Takes the first shift; the staff who work with her get word at once, before it.
        await page.GotoAsync(roleUrl);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ta vakten") }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du har tatt vakten");
        await CheckAsync(page, "frivillig-vakt", titles);
        var shiftId = int.Parse(Regex.Match(page.Url, @"vakter/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var staffMail = await fixture.Smtp.WaitForAsync(Staff);
        Assert.Contains("Vera Venn", staffMail.TextBody);
        Assert.Contains("Besøksvenn", staffMail.TextBody);
        Assert.Contains("Gi medisiner, stell eller annen helsehjelp", staffMail.TextBody);
        var starts = await fixture.App.DbAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.StartsAt).SingleAsync());
        Assert.True(fixture.App.Clock.GetUtcNow() < starts);

        // The day comes: the coordinator checks her in and approves the hours.
        fixture.App.Clock.Advance(starts - fixture.App.Clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        await coordinator.GotoAsync($"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}");
        await CheckAsync(coordinator, "frivillig-vakt-koordinator", titles);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Sjekk inn Vera Venn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Sjekket inn");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkjenn timer Vera Venn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Timene er godkjent");

        // She sees her hours per organisation, and the certificate.
        await page.GotoAsync("/konto");
        await Assertions.Expect(page.Locator("#mine-timer + table")).ToContainTextAsync("Røde Kors");
        await Assertions.Expect(page.Locator("#mine-timer + table")).ToContainTextAsync("2");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("frivillig-min-side");
        await page.GetByRole(AriaRole.Link, new() { Name = "Attest for frivillig innsats (til utskrift)" }).ClickAsync();
        await CheckAsync(page, "frivillig-attest", titles);
        Assert.Equal(ApplicationStatus.Approved, await fixture.App.DbAsync(db => db.RoleApplications.Where(a => a.RoleId == roleId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_volunteer_pages_do_not_scroll_sideways_at_320_px_and_pass_axe()
    {
        var roleId = await fixture.App.DbAsync(db => db.VolunteerRoles.Where(r => r.Title == "Kaffevert på møteplass").Select(r => r.Id).SingleAsync());
        var orgId = await fixture.App.OrganisationIdAsync(Demo.MentalHelse);
        var shiftId = await fixture.App.DbAsync(db => db.Shifts.Where(s => s.RoleId == roleId).OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync());
        var pages = new (string? Account, string Path, string Name)[]
        {
            (null, "/tromso/frivillig", "roller"),
            (null, $"/tromso/frivillig/roller/{roleId}", "rolle"),
            (Demo.Volunteer, "/tromso/frivillig/profil", "profil"),
            (Demo.Volunteer, "/tromso/frivillig/opplaering/aldring-og-demens", "opplaering"),
            (Demo.Volunteer, $"/tromso/frivillig/erklaering/{roleId}", "erklaering"),
            (Demo.Volunteer, "/konto/mine-data", "mine-data"),
            (Demo.Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig", "koordinator"),
            (Demo.Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig/roller/ny?mal=besoksvenn", "ny-rolle"),
            (Demo.Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige", "soknader"),
            (Demo.Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}", "vakt-koordinator"),
            (Demo.Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig/melding", "melding"),
        };
        foreach (var group in pages.GroupBy(p => p.Account))
        {
            var page = await fixture.PageAsync(320, 800);
            if (group.Key is not null)
            {
                await page.SignInAsync(group.Key);
            }

            foreach (var (_, path, name) in group)
            {
                await page.GotoAsync(path);
                var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(width <= 320, $"{path} is {width} px wide at 320 px");
                await page.AssertAccessibleAsync();
                await page.ScreenshotAsync($"320-frivillig-{name}");
            }
        }
    }
}
