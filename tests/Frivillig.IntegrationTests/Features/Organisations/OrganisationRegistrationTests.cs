using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Organisations;

public sealed class OrganisationRegistrationTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private async Task<List<KeyValuePair<string, string>>> FormAsync(string name, string? number = null, string? description = null, params string[] districts)
    {
        var ids = await app.DbAsync(db => db.Districts.Where(d => districts.Contains(d.Slug)).Select(d => d.Id).ToListAsync());
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name),
            new("Input.Kind", "Frivillig"),
            new("Input.OrganisationNumber", number ?? string.Empty),
            new("Input.Description", description ?? string.Empty),
            new("Input.ContactName", "Hanne Kontakt"),
            new("Input.ContactEmail", "hanne@eksempel.no"),
        };
        form.AddRange(ids.Select(id => new KeyValuePair<string, string>("Input.DistrictIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return form;
    }

    private Task<int> CountAsync() => app.DbAsync(db => db.Organisations.CountAsync());

    [Fact]
    public async Task Registration_is_pending_until_the_admin_approves_and_both_sides_are_told()
    {
        var newcomer = await app.SignInAsync(Demo.Volunteer);
        var response = await newcomer.PostFormAsync("/tromso/organisasjoner/ny", await FormAsync("Sjakkvenner på Tromsøya", "923 609 016", "Vi spiller sjakk.", "tromsoya"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var organisation = await app.DbAsync(db => db.Organisations.Include(o => o.Members).SingleAsync(o => o.Slug == "sjakkvenner-pa-tromsoya"));
        Assert.Equal(ApprovalStatus.Pending, organisation.Status);
        Assert.Equal("923609016", organisation.OrganisationNumber);
        Assert.Equal(OrganisationRole.Admin, Assert.Single(organisation.Members).Role);

        // Not public yet.
        var publicList = await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tromso/organisations");
        Assert.DoesNotContain(publicList!, o => o.GetProperty("slug").GetString() == "sjakkvenner-pa-tromsoya");
        using (var anonymous = await app.NewSession().Client.GetAsync($"/tromso/organisasjoner/{organisation.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        }

        // The municipality admin is told of the pending registration.
        var pendingMail = await app.Mail.WaitForAsync(Demo.TromsoAdmin, m => (m.Subject ?? "").Contains("Sjakkvenner", StringComparison.Ordinal));
        Assert.Contains("/tromso/admin", pendingMail.TextBody);

        var admin = await app.SignInAsync(Demo.TromsoAdmin);
        Assert.Contains("Sjakkvenner på Tromsøya", await admin.GetHtmlAsync("/tromso/admin"));
        // The first click asks; nothing changes until the admin confirms.
        var ask = await admin.PostFormAsync($"/tromso/admin?handler=Approve&organisationId={organisation.Id}", [], formPage: "/tromso/admin");
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Godkjenne Sjakkvenner på Tromsøya?", await ask.Content.ReadAsStringAsync());
        Assert.Equal(ApprovalStatus.Pending, await app.DbAsync(db => db.Organisations.Where(o => o.Id == organisation.Id).Select(o => o.Status).SingleAsync()));
        var approve = await admin.PostFormAsync($"/tromso/admin?handler=Approve&organisationId={organisation.Id}", new() { ["bekreftet"] = "ja" }, formPage: "/tromso/admin");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        Assert.Equal(ApprovalStatus.Approved, await app.DbAsync(db => db.Organisations.Where(o => o.Id == organisation.Id).Select(o => o.Status).SingleAsync()));
        var decision = await app.Mail.WaitForAsync(Demo.Volunteer, m => (m.Subject ?? "").Contains("godkjent", StringComparison.Ordinal));
        Assert.Contains("Sjakkvenner på Tromsøya", decision.Subject);
        await app.Mail.WaitForAsync("hanne@eksempel.no", m => (m.Subject ?? "").Contains("godkjent", StringComparison.Ordinal));

        publicList = await app.NewSession().Client.GetFromJsonAsync<JsonElement[]>("/api/v1/tromso/organisations");
        Assert.Contains(publicList!, o => o.GetProperty("slug").GetString() == "sjakkvenner-pa-tromsoya");
    }

    [Fact]
    public async Task Rejection_carries_the_reason_to_the_organisation()
    {
        var applicant = await app.SignInAsync(Demo.Coordinator);
        await applicant.PostFormAsync("/tromso/organisasjoner/ny", await FormAsync("Avvist forening", null, null, "kroken"));
        var id = await app.OrganisationIdAsync("avvist-forening");

        var admin = await app.SignInAsync(Demo.TromsoAdmin);
        // A rejection needs its reason, and a confirmation that repeats it.
        var noReason = await admin.PostFormAsync($"/tromso/admin?handler=Reject&organisationId={id}", new() { ["Note"] = "  ", ["bekreftet"] = "ja" }, formPage: "/tromso/admin");
        Assert.Contains("Skriv hvorfor Avvist forening avslås", await noReason.Content.ReadAsStringAsync());
        var ask = await admin.PostFormAsync($"/tromso/admin?handler=Reject&organisationId={id}", new() { ["Note"] = "Dere driver ikke i kommunen." }, formPage: "/tromso/admin");
        var question = await ask.Content.ReadAsStringAsync();
        Assert.Contains("Avslå Avvist forening?", question);
        Assert.Contains("Dere driver ikke i kommunen.", question);
        Assert.Equal(ApprovalStatus.Pending, await app.DbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
        var reject = await admin.PostFormAsync($"/tromso/admin?handler=Reject&organisationId={id}", new() { ["Note"] = "Dere driver ikke i kommunen.", ["bekreftet"] = "ja" }, formPage: "/tromso/admin");
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        var mail = await app.Mail.WaitForAsync(Demo.Coordinator, m => (m.Subject ?? "").Contains("ikke godkjent", StringComparison.Ordinal));
        Assert.Contains("Dere driver ikke i kommunen.", mail.TextBody);
        Assert.Equal(ApprovalStatus.Rejected, await app.DbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_municipality_gives_the_kind_Kommune()
    {
        var applicant = await app.SignInAsync(Demo.Coordinator);
        var form = await FormAsync("Kommunal kopi", null, null, "kroken");
        form[form.FindIndex(f => f.Key == "Input.Kind")] = new("Input.Kind", "Kommune");
        var refused = await applicant.PostFormAsync("/tromso/organisasjoner/ny", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bare kommunen kan gi typen «Kommune»", await refused.Content.ReadAsStringAsync());
        Assert.False(await app.DbAsync(db => db.Organisations.AnyAsync(o => o.Slug == "kommunal-kopi")));
        Assert.DoesNotContain("value=\"Kommune\"", await applicant.GetHtmlAsync("/tromso/organisasjoner/ny"));

        form[form.FindIndex(f => f.Key == "Input.Kind")] = new("Input.Kind", "Frivillig");
        await applicant.PostFormAsync("/tromso/organisasjoner/ny", form);
        var id = await app.OrganisationIdAsync("kommunal-kopi");
        var admin = await app.SignInAsync(Demo.TromsoAdmin);
        var approved = await admin.PostFormAsync($"/tromso/admin?handler=Approve&organisationId={id}", new() { ["organisationKind"] = "Kommune", ["bekreftet"] = "ja" }, formPage: "/tromso/admin");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(OrganisationKind.Kommune, await app.DbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Kind).SingleAsync()));
    }

    [Fact]
    public async Task The_approval_card_shows_what_the_admin_must_check()
    {
        var applicant = await app.SignInAsync(Demo.Coordinator);
        await applicant.PostFormAsync("/tromso/organisasjoner/ny", await FormAsync("Kortsjekk forening", "987 654 325", "Vi strikker sammen.", "kroken"));
        var admin = await app.SignInAsync(Demo.TromsoAdmin);
        var html = await admin.GetHtmlAsync("/tromso/admin");
        Assert.Contains("987654325", html);
        Assert.Contains("Vi strikker sammen.", html);
        Assert.Contains("Kroken", html);
        Assert.Contains("Enhetsregisteret", html);
    }

    [Theory]
    [InlineData("Gyldig navn A", "923609017", null, "Organisasjonsnummeret er ikke gyldig")]
    [InlineData("Gyldig navn B", "12345", null, "Organisasjonsnummeret er ikke gyldig")]
    [InlineData("<script>alert(1)</script>", null, null, "HTML-kode")]
    [InlineData("Gyldig navn C", null, "Hei <img src=x onerror=alert(1)>", "HTML-kode")]
    [InlineData("Tromsø Røde Kors", null, null, "finnes allerede en organisasjon med dette navnet")]
    [InlineData("Gyldig navn D", "959083010", null, "allerede registrert")]
    public async Task Bad_registration_gets_a_clear_error_and_changes_nothing(string name, string? number, string? description, string message)
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        var before = await CountAsync();
        var response = await session.PostFormAsync("/tromso/organisasjoner/ny", await FormAsync(name, number, description, "tromsoya"));
        var html = await WebSession.HtmlOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("class=\"field-error\"", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Overlong_name_is_refused()
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        var before = await CountAsync();
        var response = await session.PostFormAsync("/tromso/organisasjoner/ny", await FormAsync(new string('a', 121), null, null, "tromsoya"));
        Assert.Contains("høyst 120 tegn", await WebSession.HtmlOf(response));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_district_of_another_municipality_is_refused()
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        var before = await CountAsync();
        var response = await session.PostFormAsync("/tromso/organisasjoner/ny", await FormAsync("Grensekryssere", null, null, "harestua"));
        Assert.Contains("Velg bydeler fra listen", await WebSession.HtmlOf(response));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Registration_needs_a_signed_in_user()
    {
        using var response = await app.NewSession().Client.GetAsync("/tromso/organisasjoner/ny");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logg-inn", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Organisation_admin_invites_a_member_who_accepts_by_the_mailed_link()
    {
        var orgAdmin = await app.SignInAsync(Demo.Coordinator);
        var id = await app.OrganisationIdAsync(Demo.RodeKors);
        var invite = await orgAdmin.PostFormAsync($"/tromso/organisasjoner/{id}/inviter", new() { ["Invite.Email"] = Demo.Volunteer, ["Invite.Role"] = "Coordinator" });
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);

        var mail = await app.Mail.WaitForAsync(Demo.Volunteer, m => (m.Subject ?? "").Contains("Invitasjon", StringComparison.Ordinal));
        var link = Mailbox.FirstLink(mail, "/konto/invitasjon/");
        Task<Invitation> InvitationAsync() => app.DbAsync(db => db.Invitations.SingleAsync(i => i.OrganisationId == id && i.Email == Demo.Volunteer));
        Assert.Equal(OrganisationRole.Coordinator, (await InvitationAsync()).Role);

        // Someone else holding the link cannot use it.
        var members = await app.DbAsync(db => db.Memberships.CountAsync(m => m.OrganisationId == id));
        var other = await app.SignInAsync(Demo.LunnerAdmin);
        var wrong = await other.PostFormAsync(link, []);
        Assert.Contains("Logg inn med den adressen", await WebSession.HtmlOf(wrong));
        Assert.Null((await InvitationAsync()).AcceptedAt);
        Assert.Equal(members, await app.DbAsync(db => db.Memberships.CountAsync(m => m.OrganisationId == id)));

        var invitee = await app.SignInAsync(Demo.Volunteer);
        var accept = await invitee.PostFormAsync(link, []);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Contains("Du er nå med i Tromsø Røde Kors", await invitee.GetHtmlAsync(accept.Headers.Location!.OriginalString));
        Assert.NotNull((await InvitationAsync()).AcceptedAt);
        var role = await app.DbAsync(db => db.Memberships.Where(m => m.OrganisationId == id).Join(db.Users.Where(u => u.Email == Demo.Volunteer), m => m.UserId, u => u.Id, (m, u) => m.Role).SingleAsync());
        Assert.Equal(OrganisationRole.Coordinator, role);
    }

    [Fact]
    public async Task An_empty_form_gets_errors_beside_the_fields_and_registers_nothing()
    {
        var newcomer = await app.SignInAsync(Demo.Volunteer);
        var before = await CountAsync();
        var response = await newcomer.PostFormAsync("/tromso/organisasjoner/ny", new Dictionary<string, string>
        {
            ["Input.Name"] = string.Empty, ["Input.Kind"] = string.Empty, ["Input.OrganisationNumber"] = string.Empty, ["Input.Description"] = string.Empty,
            ["Input.ContactName"] = string.Empty, ["Input.ContactEmail"] = string.Empty, ["Input.ContactPhone"] = string.Empty, ["Input.Website"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await WebSession.HtmlOf(response);
        Assert.Contains("Skriv navnet på organisasjonen.", html);
        Assert.Contains("Skriv navnet på kontaktpersonen.", html);
        Assert.Contains("Velg minst én bydel eller ett distriktssenter.", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_name_with_emoji_and_letters_outside_the_basic_plane_registers_with_a_slug_of_its_letters()
    {
        var newcomer = await app.SignInAsync(Demo.Volunteer);
        var response = await newcomer.PostFormAsync("/tromso/organisasjoner/ny", await FormAsync("Kor 😀 𝕏 Tromsø", null, null, "tromsoya"));
        var location = await WebSession.AssertRedirectAsync(response);
        var stored = await app.DbAsync(db => db.Organisations.SingleAsync(o => o.Name == "Kor 😀 𝕏 Tromsø"));
        Assert.Equal("kor-tromso", stored.Slug);
        Assert.Contains("Kor 😀 𝕏 Tromsø", WebUtility.HtmlDecode(await newcomer.GetHtmlAsync(location.OriginalString)));
    }

    [Theory]
    [InlineData("a b@c.no")]
    [InlineData("\"x y\"@c.no")]
    [InlineData("a@[1.2.3.4]")]
    [InlineData("a..b@c.no")]
    [InlineData("a@b")]
    public async Task A_contact_address_mail_cannot_carry_is_refused_beside_the_field(string address)
    {
        var newcomer = await app.SignInAsync(Demo.Volunteer);
        var before = await CountAsync();
        var form = await FormAsync("Adressetest " + address.Length, null, null, "tromsoya");
        form.RemoveAll(f => f.Key == "Input.ContactEmail");
        form.Add(new("Input.ContactEmail", address));
        var response = await newcomer.PostFormAsync("/tromso/organisasjoner/ny", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Skriv en gyldig e-postadresse", await WebSession.HtmlOf(response));
        Assert.Equal(before, await CountAsync());
    }
}
