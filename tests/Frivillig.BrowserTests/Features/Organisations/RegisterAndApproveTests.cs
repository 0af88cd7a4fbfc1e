using Frivillig.BrowserTests.Infrastructure;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Frivillig.BrowserTests.Features.Organisations;

public sealed class RegisterAndApproveTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The stored status of the organisation the newcomer registers; null while there is none.</summary>
    private Task<ApprovalStatus?> StatusAsync() =>
        browser.App.DbAsync(db => db.Organisations.Where(o => o.Name == "Strikkekafé på Kroken").Select(o => (ApprovalStatus?)o.Status).SingleOrDefaultAsync());

    [Fact]
    public async Task Newcomer_registers_an_organisation_and_the_admin_approves_it()
    {
        var page = await browser.NewPageAsync();

        // A newcomer creates an account and confirms the address from the mail.
        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("forside");
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrer deg" }).ClickAsync();
        await page.GetByLabel("Navn").FillAsync("Sigrid Strikk");
        await page.GetByLabel("E-postadresse").FillAsync("sigrid@eksempel.no");
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync("strikking er gøy hver tirsdag");
        await page.GetByLabel("Gjenta passordet").FillAsync("strikking er gøy hver tirsdag");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("registrer-konto");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett konto" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("sendt en e-post");

        var mail = await browser.App.Mail.WaitForAsync("sigrid@eksempel.no");
        await page.GotoAsync(Mailbox.FirstLink(mail, "/konto/bekreft-epost"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("bekreftet");
        Assert.True(await browser.App.DbAsync(db => db.Users.Where(u => u.Email == "sigrid@eksempel.no").Select(u => u.EmailConfirmed).SingleAsync()));
        await page.SignInAsync("sigrid@eksempel.no", "strikking er gøy hver tirsdag");

        // She registers her group; a wrong organisation number is reported beside the field first.
        await page.GotoAsync("/tromso/organisasjoner/ny");
        await page.GetByLabel("Navn på organisasjonen").FillAsync("Strikkekafé på Kroken");
        await page.GetByLabel("Lag og forening").CheckAsync();
        await page.GetByLabel("Organisasjonsnummer").FillAsync("123456789");
        await page.GetByLabel("Kontaktperson", new() { Exact = true }).FillAsync("Sigrid Strikk");
        await page.GetByLabel("E-post til kontaktperson").FillAsync("sigrid@eksempel.no");
        await page.GetByLabel("Kroken").CheckAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send til godkjenning" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_OrganisationNumber-error")).ToContainTextAsync("ikke gyldig");
        await Assertions.Expect(page.GetByLabel("Organisasjonsnummer")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await StatusAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("registrer-organisasjon-feil");

        await page.GetByLabel("Organisasjonsnummer").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send til godkjenning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Strikkekafé på Kroken");
        await Assertions.Expect(page.GetByText("Venter på godkjenning")).ToBeVisibleAsync();
        Assert.Equal(ApprovalStatus.Pending, await StatusAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("organisasjon-venter");

        // The municipality admin is told, and approves it.
        await browser.App.Mail.WaitForAsync(Demo.TromsoAdmin, m => (m.Subject ?? "").Contains("Strikkekafé", StringComparison.Ordinal));
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(Demo.TromsoAdmin);
        await admin.GotoAsync("/tromso/admin");
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("kommuneadmin");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Godkjenn Strikkekafé på Kroken" }).ClickAsync();
        // The question takes focus and changes nothing until it is answered.
        await Assertions.Expect(admin.Locator("#bekreft")).ToBeFocusedAsync();
        await admin.AssertAccessibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ja, godkjenn Strikkekafé på Kroken" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("er godkjent");
        Assert.Equal(ApprovalStatus.Approved, await StatusAsync());

        await browser.App.Mail.WaitForAsync("sigrid@eksempel.no", m => (m.Subject ?? "").Contains("godkjent", StringComparison.Ordinal));
        var resident = await browser.NewPageAsync();
        await resident.GotoAsync("/tromso/organisasjoner");
        await Assertions.Expect(resident.GetByRole(AriaRole.Link, new() { Name = "Strikkekafé på Kroken" })).ToBeVisibleAsync();
        await resident.AssertAccessibleAsync();
        await resident.ScreenshotAsync("organisasjoner");
    }

    [Fact]
    public async Task Keyboard_user_reaches_the_skip_link_first_and_it_moves_focus_to_the_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/tromso");
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("document.activeElement.textContent.trim()");
        Assert.Equal("Hopp til hovedinnholdet", focused);
        Assert.True(await page.EvaluateAsync<bool>("getComputedStyle(document.activeElement).left !== '-9999px'"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("hovedinnhold", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("kommune");
    }

    [Fact]
    public async Task Sign_in_form_errors_are_announced_and_linked_to_the_fields()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/konto/logg-inn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Skriv e-postadressen din");
        await Assertions.Expect(page.GetByLabel("E-postadresse")).ToHaveAttributeAsync("aria-describedby", "Input_Email-error");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("logg-inn-feil");
    }
}
