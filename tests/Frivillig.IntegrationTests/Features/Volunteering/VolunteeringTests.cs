using System.Net;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Features.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Volunteering;

/// <summary>Roles, becoming ready, applying, approval, shifts, waitlist, reminders, check-in and hours, through HTTP on either database.</summary>
public sealed class VolunteeringTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task Open_roles_are_found_by_district_and_kind_and_show_what_the_volunteer_does_and_does_not_do()
    {
        var session = app.NewSession();
        var list = await session.GetHtmlAsync("/tromso/frivillig?district=tromsoya&kind=besok");
        Assert.Contains("Besøksvenn", list);
        Assert.DoesNotContain("Kaffevert på møteplass", list);
        Assert.Contains("Kaffevert på møteplass", await session.GetHtmlAsync("/tromso/frivillig?day=tuesday&time=evening"));
        Assert.DoesNotContain("Kaffevert på møteplass", await session.GetHtmlAsync("/tromso/frivillig?day=monday&time=morning"));
        Assert.Contains("Besøksvenn", await session.GetHtmlAsync("/tromso/frivillig?language=engelsk"));

        var roleId = await app.DbAsync(db => db.VolunteerRoles.Where(r => r.Title == "Besøksvenn").Select(r => r.Id).SingleAsync());
        var page = await session.GetHtmlAsync($"/tromso/frivillig/roller/{roleId}");
        Assert.Contains("Dette gjør du som frivillig", page);
        Assert.Contains("Dette gjør du ikke", page);
        Assert.Contains("Gi medisiner, stell eller annen helsehjelp", page);
        Assert.Contains("Taushetsplikt og informasjonsdeling", page);

        // Another municipality does not see it.
        await session.GetHtmlAsync($"/lunner/frivillig/roller/{roleId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_lists_open_roles_with_mayDo_mayNotDo_training_and_requirements_and_refuses_bad_filters_as_problems()
    {
        var client = app.NewSession().Client;
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/tromso/volunteer-roles?district=tromsoya"));
        var role = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("title").GetString() == "Besøksvenn");
        Assert.Contains("Gi medisiner, stell eller annen helsehjelp", role.GetProperty("mayNotDo").EnumerateArray().Select(x => x.GetString()));
        Assert.True(role.GetProperty("mayDo").GetArrayLength() > 0);
        Assert.Equal(["rollen-som-frivillig", "taushetsplikt-og-informasjonsdeling"], role.GetProperty("training").EnumerateArray().Select(x => x.GetProperty("slug").GetString()));
        Assert.True(role.GetProperty("requirements").GetProperty("confidentialityDeclaration").GetBoolean());
        Assert.False(role.GetProperty("requirements").GetProperty("politiattest").GetBoolean());

        using var bad = await client.GetAsync("/api/v1/tromso/volunteer-roles?kind=<script>");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        using var nowhere = await client.GetAsync("/api/v1/tromso/volunteer-roles?district=nowhere");
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Equal("application/problem+json", nowhere.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nowhere", await nowhere.Content.ReadAsStringAsync());
        using var otherMunicipalitysDistrict = await client.GetAsync("/api/v1/tromso/volunteer-roles?district=grua");
        Assert.Equal(HttpStatusCode.BadRequest, otherMunicipalitysDistrict.StatusCode);
        using var unknown = await client.GetAsync("/api/v1/ingensteds/volunteer-roles");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // In the OpenAPI document, with its filters, the lists in its schema, and its tag described.
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operation = openApi.RootElement.GetProperty("paths").GetProperty("/api/v1/{m}/volunteer-roles").GetProperty("get");
        Assert.Equal(["m", "district", "kind", "language", "day", "time"], operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).OrderBy(n => n == "m" ? 0 : 1));
        Assert.True(openApi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("VolunteerRoleDto").GetProperty("properties").TryGetProperty("mayNotDo", out _));
        Assert.Contains(openApi.RootElement.GetProperty("tags").EnumerateArray(), t => t.GetProperty("name").GetString() == "Frivillige" && t.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task A_volunteer_becomes_ready_applies_is_approved_takes_a_shift_and_the_staff_are_told_before_it()
    {
        var (roleId, shiftId, orgId) = await VolunteerScene.RoleAsync(app, "Flytrolle", staffEmail: "ansatt.flyt@frivillig.test");
        await VolunteerScene.NewVolunteerAsync(app, "flyt@frivillig.test", "Fia Flyt");
        var volunteer = await app.SignInAsync("flyt@frivillig.test");
        var coordinator = await app.SignInAsync(Demo.Coordinator);

        // Applying before anything is done is allowed; the page lists exactly what is missing.
        var page = await volunteer.GetHtmlAsync($"/tromso/frivillig/roller/{roleId}");
        Assert.Contains("Opplæring: Rollen som frivillig", page);
        Assert.Contains("Opplæring: Taushetsplikt og informasjonsdeling", page);
        Assert.Contains("Signer taushetserklæringen", page);
        await WebSession.AssertRedirectAsync(await volunteer.PostFormAsync($"/tromso/frivillig/roller/{roleId}?handler=Apply", new() { ["Message"] = "Jeg liker å prate." }));
        await app.Mail.WaitForAsync(VolunteerScene.ContactEmail, m => m.Subject!.Contains("Flytrolle", StringComparison.Ordinal));

        // The coordinator cannot approve while something is missing, and nothing changes.
        var applicationId = await app.DbAsync(db => db.RoleApplications.Where(a => a.RoleId == roleId).Select(a => a.Id).SingleAsync());
        var manage = $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige";
        var refused = await coordinator.PostFormAsync($"{manage}?handler=Approve", new() { ["applicationId"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, manage);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("mangler fortsatt", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ApplicationStatus.Applied, await app.DbAsync(db => db.RoleApplications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));

        // A wrong quiz answer is refused; the right ones record the module.
        var wrong = await volunteer.PostFormAsync("/tromso/frivillig/opplaering/rollen-som-frivillig", new() { ["Answers[0]"] = "0", ["Answers[1]"] = "1", ["Answers[2]"] = "0" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("ikke helt", await wrong.Content.ReadAsStringAsync());
        foreach (var module in new[] { "rollen-som-frivillig", "taushetsplikt-og-informasjonsdeling" })
        {
            await WebSession.AssertRedirectAsync(await volunteer.PostFormAsync($"/tromso/frivillig/opplaering/{module}?rolle={roleId}", VolunteerScene.Quiz(module)));
        }

        await WebSession.AssertRedirectAsync(await volunteer.PostFormAsync($"/tromso/frivillig/erklaering/{roleId}",
            new() { ["Input.Name"] = "Fia Flyt", ["Input.Covers"] = "rolle", ["Input.Agree"] = "true" }));
        var signature = await app.DbAsync(db => db.DeclarationSignatures.SingleAsync(s => s.RoleId == roleId));
        Assert.Equal(1, signature.Version);
        Assert.Equal(app.Clock.GetUtcNow(), signature.SignedAt);
        var ready = await volunteer.GetHtmlAsync($"/tromso/frivillig/roller/{roleId}");
        Assert.Contains("Du har alt rollen krever.", ready);
        Assert.Contains("<h3>Klar for rollen</h3>", ready);
        Assert.DoesNotContain("Dette mangler", ready);

        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}?handler=Approve", new() { ["applicationId"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, manage));
        await app.Mail.WaitForAsync("flyt@frivillig.test", m => m.Subject!.Contains("godkjent", StringComparison.Ordinal));

        // Takes the shift: the staff who work with the volunteer get who, the role and both lists, before it.
        var taken = await WebSession.AssertRedirectAsync(await volunteer.PostFormAsync($"/tromso/frivillig/roller/{roleId}?handler=Take", new() { ["shiftId"] = shiftId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal($"/tromso/frivillig/vakter/{shiftId}", taken.OriginalString);
        var staff = await app.Mail.WaitForAsync("ansatt.flyt@frivillig.test");
        Assert.Contains("Fia Flyt", staff.TextBody);
        Assert.Contains("Flytrolle", staff.TextBody);
        Assert.Contains("Prate og gå tur", staff.TextBody);
        Assert.Contains("Gi medisiner", staff.TextBody);
        Assert.True(app.Clock.GetUtcNow() < await app.DbAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.StartsAt).SingleAsync()));

        // Checked in by the coordinator at the shift, hours approved; the volunteer sees them per organisation.
        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        var signUpId = await app.DbAsync(db => db.ShiftSignUps.Where(s => s.ShiftId == shiftId).Select(s => s.Id).SingleAsync());
        var shiftAdmin = $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}";
        var id = signUpId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{shiftAdmin}?handler=CheckIn", new() { ["signUpId"] = id }, shiftAdmin));
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{shiftAdmin}?handler=Hours", new() { ["signUpId"] = id, ["hours"] = "2,5" }, shiftAdmin));
        var mine = await volunteer.GetHtmlAsync("/konto");
        Assert.Contains("Mine timer", mine);
        Assert.Contains("2,5", mine);
        Assert.Contains("2,5", await volunteer.GetHtmlAsync("/konto/frivillig-attest"));
    }

    [Fact]
    public async Task Wording_counts_modules_and_says_what_the_calendar_carries_and_where_the_certificate_is()
    {
        var (oneModule, _, _) = await VolunteerScene.RoleAsync(app, "Énmodulrolle", modules: ["rollen-som-frivillig"]);
        var (twoModules, _, _) = await VolunteerScene.RoleAsync(app, "Tomodulrolle");
        var roles = await app.NewSession().GetHtmlAsync("/tromso/frivillig");
        Assert.Contains("Opplæring: 1 modul<", roles);
        Assert.Contains("Opplæring: 2 moduler", roles);
        Assert.DoesNotContain("Opplæring: 1 moduler", roles);

        var user = await VolunteerScene.NewVolunteerAsync(app, "ordlyd@frivillig.test", "Ola Ordlyd");
        await VolunteerScene.ReadyAndApprovedAsync(app, user, oneModule);
        var mine = await (await app.SignInAsync("ordlyd@frivillig.test")).GetHtmlAsync("/konto");
        Assert.Contains("Påmeldingene, vaktene og bookingene dine", mine);
        Assert.Contains("Du har ingen registrerte timer ennå", mine);
        Assert.DoesNotContain("/konto/frivillig-attest", mine);
        _ = twoModules;
    }

    [Fact]
    public async Task A_full_shift_has_a_waitlist_and_cannot_come_promotes_the_next_and_tells_the_coordinator_at_once()
    {
        var (roleId, shiftId, _) = await VolunteerScene.RoleAsync(app, "Ventelisterolle", places: 1);
        var first = await VolunteerScene.NewVolunteerAsync(app, "forste@frivillig.test", "Første Frivillig");
        var second = await VolunteerScene.NewVolunteerAsync(app, "andre.frivillig@frivillig.test", "Andre Frivillig");
        await VolunteerScene.ReadyAndApprovedAsync(app, first, roleId);
        await VolunteerScene.ReadyAndApprovedAsync(app, second, roleId);
        var a = await app.SignInAsync("forste@frivillig.test");
        var b = await app.SignInAsync("andre.frivillig@frivillig.test");
        var take = new Dictionary<string, string> { ["shiftId"] = shiftId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await WebSession.AssertRedirectAsync(await a.PostFormAsync($"/tromso/frivillig/roller/{roleId}?handler=Take", take));
        await WebSession.AssertRedirectAsync(await b.PostFormAsync($"/tromso/frivillig/roller/{roleId}?handler=Take", take));
        Assert.Contains("Du står på ventelisten", await b.GetHtmlAsync($"/tromso/frivillig/vakter/{shiftId}"));

        await WebSession.AssertRedirectAsync(await a.PostFormAsync($"/tromso/frivillig/vakter/{shiftId}?handler=Cancel", new() { ["bekreftet"] = "ja" }));
        var told = await app.Mail.WaitForAsync(VolunteerScene.ContactEmail, m => m.Subject!.StartsWith("Kan ikke komme: Første Frivillig", StringComparison.Ordinal));
        Assert.Contains("Andre Frivillig på ventelisten har fått plassen", told.TextBody);
        await app.Mail.WaitForAsync("andre.frivillig@frivillig.test", m => m.Subject!.Contains("fått plass", StringComparison.Ordinal));
        Assert.Contains("Du har vakten", await b.GetHtmlAsync($"/tromso/frivillig/vakter/{shiftId}"));
    }

    [Fact]
    public async Task A_coordinator_cancels_a_shift_after_a_question_and_its_volunteers_are_told_and_not_reminded()
    {
        var (roleId, shiftId, orgId) = await VolunteerScene.RoleAsync(app, "Avlysningsrolle", daysAhead: 6);
        var user = await VolunteerScene.NewVolunteerAsync(app, "avlyst@frivillig.test", "Alf Avlyst");
        await VolunteerScene.ReadyAndApprovedAsync(app, user, roleId);
        await VolunteerScene.TakeAsync(app, user, shiftId);
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var page = $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}";
        var question = await coordinator.PostFormAsync($"{page}?handler=Cancel", new Dictionary<string, string>(), page);
        Assert.Contains("Avlyse vakten?", await question.Content.ReadAsStringAsync());
        Assert.False(await app.DbAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Cancelled).SingleAsync()));
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{page}?handler=Cancel", new() { ["bekreftet"] = "ja" }, page));
        await app.Mail.WaitForAsync("avlyst@frivillig.test", m => m.Subject!.StartsWith("Vakten er avlyst", StringComparison.Ordinal));
        Assert.True(await app.DbAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Cancelled).SingleAsync()));
        Assert.Contains("Vakten er avlyst", await (await app.SignInAsync("avlyst@frivillig.test")).GetHtmlAsync($"/tromso/frivillig/vakter/{shiftId}"));
    }

    [Fact]
    public async Task A_coordinator_finds_the_volunteer_work_of_their_organisations_on_Min_side()
    {
        var orgId = await app.OrganisationIdAsync(Demo.MentalHelse);
        var html = await (await app.SignInAsync(Demo.Coordinator)).GetHtmlAsync("/konto");
        Assert.Contains($"/tromso/organisasjoner/{orgId}/frivillig", html);
        Assert.DoesNotContain("Frivillige i organisasjonene du koordinerer", await (await app.SignInAsync(Demo.Member)).GetHtmlAsync("/konto"));
    }

    [Fact]
    public async Task Two_volunteers_taking_the_last_place_at_once_get_one_place_and_one_waitlist()
    {
        var (roleId, shiftId, _) = await VolunteerScene.RoleAsync(app, "Samtidighetsrolle", places: 1);
        var ids = new[] { await VolunteerScene.NewVolunteerAsync(app, "samtidig1@frivillig.test", "Samtidig En"), await VolunteerScene.NewVolunteerAsync(app, "samtidig2@frivillig.test", "Samtidig To") };
        foreach (var id in ids)
        {
            await VolunteerScene.ReadyAndApprovedAsync(app, id, roleId);
        }

        var sessions = new[] { await app.SignInAsync("samtidig1@frivillig.test"), await app.SignInAsync("samtidig2@frivillig.test") };
        var take = new Dictionary<string, string> { ["shiftId"] = shiftId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var responses = await Task.WhenAll(sessions.Select(s => s.PostFormAsync($"/tromso/frivillig/roller/{roleId}?handler=Take", take)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await app.DbAsync(db => db.ShiftSignUps.Where(s => s.ShiftId == shiftId).Select(s => s.Status).ToListAsync());
        Assert.Equal([ShiftSignUpStatus.Confirmed, ShiftSignUpStatus.Waitlisted], statuses.Order());
    }

    [Fact]
    public async Task Reminders_go_out_a_day_before_once_and_not_to_one_who_cannot_come()
    {
        var (roleId, shiftId, _) = await VolunteerScene.RoleAsync(app, "Påminnelsesrolle", daysAhead: 2, places: 3);
        var stays = await VolunteerScene.NewVolunteerAsync(app, "blir@frivillig.test", "Blir Med");
        var leaves = await VolunteerScene.NewVolunteerAsync(app, "faller.fra@frivillig.test", "Faller Fra");
        foreach (var user in new[] { stays, leaves })
        {
            await VolunteerScene.ReadyAndApprovedAsync(app, user, roleId);
            await VolunteerScene.TakeAsync(app, user, shiftId);
        }

        var reminders = app.Services.GetRequiredService<ShiftReminders>();
        await reminders.RunAsync(CancellationToken.None);
        Assert.Empty(app.Mail.To("blir@frivillig.test")); // two days ahead: not yet

        var session = await app.SignInAsync("faller.fra@frivillig.test");
        await WebSession.AssertRedirectAsync(await session.PostFormAsync($"/tromso/frivillig/vakter/{shiftId}?handler=Cancel", new() { ["bekreftet"] = "ja" }));

        // The background round wakes on the same clock; whichever round runs first sends it, once.
        app.Clock.Advance(TimeSpan.FromDays(1.2));
        await reminders.RunAsync(CancellationToken.None);
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));
        var reminder = await app.Mail.WaitForAsync("blir@frivillig.test", m => m.Subject!.StartsWith("Påminnelse", StringComparison.Ordinal));
        Assert.Contains("Påminnelsesrolle", reminder.TextBody);
        Assert.Single(app.Mail.To("blir@frivillig.test"), m => m.Subject!.StartsWith("Påminnelse", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Mail.To("faller.fra@frivillig.test"), m => m.Subject!.StartsWith("Påminnelse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_volunteer_checks_in_on_their_phone_with_the_code_shown_at_the_place()
    {
        var (roleId, shiftId, _) = await VolunteerScene.RoleAsync(app, "Innsjekkingsrolle", daysAhead: 0, places: 2);
        var user = await VolunteerScene.NewVolunteerAsync(app, "sjekker.inn@frivillig.test", "Sjekker Inn");
        await VolunteerScene.ReadyAndApprovedAsync(app, user, roleId);
        await VolunteerScene.TakeAsync(app, user, shiftId);
        var session = await app.SignInAsync("sjekker.inn@frivillig.test");
        // Today 12:00 is now (the test clock's noon); check-in is open.
        var wrong = await session.PostFormAsync($"/tromso/frivillig/vakter/{shiftId}?handler=CheckIn", new() { ["Code"] = "999999" });
        Assert.Contains("Koden stemmer ikke", await wrong.Content.ReadAsStringAsync());
        Assert.Null(await app.DbAsync(db => db.ShiftSignUps.Where(s => s.ShiftId == shiftId).Select(s => s.CheckedInAt).SingleAsync()));
        await WebSession.AssertRedirectAsync(await session.PostFormAsync($"/tromso/frivillig/vakter/{shiftId}?handler=CheckIn", new() { ["Code"] = "123 456" }));
        var signUp = await app.DbAsync(db => db.ShiftSignUps.SingleAsync(s => s.ShiftId == shiftId));
        Assert.NotNull(signUp.CheckedInAt);
        Assert.Equal(2m, signUp.Hours);
        Assert.Null(signUp.HoursApprovedAt);
    }

    [Fact]
    public async Task A_politiattest_is_recorded_only_as_shown_with_the_date_and_who_saw_it()
    {
        var (roleId, _, orgId) = await VolunteerScene.RoleAsync(app, "Leksehjelprolle", modules: [], declaration: false, trust: true);
        var user = await VolunteerScene.NewVolunteerAsync(app, "leksehjelp@frivillig.test", "Leks Hjelp");
        var volunteer = await app.SignInAsync("leksehjelp@frivillig.test");
        var page = await volunteer.GetHtmlAsync($"/tromso/frivillig/roller/{roleId}");
        Assert.Contains("politiregisterforskriften § 34-1", page);
        Assert.Contains("Attesten lagres aldri", page);
        await WebSession.AssertRedirectAsync(await volunteer.PostFormAsync($"/tromso/frivillig/roller/{roleId}?handler=Apply", new() { ["Message"] = string.Empty }));
        var applicationId = await app.DbAsync(db => db.RoleApplications.Where(a => a.UserId == user).Select(a => a.Id).SingleAsync());

        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var manage = $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige";
        var id = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var future = await coordinator.PostFormAsync($"{manage}?handler=Politiattest", new() { ["applicationId"] = id, ["shownOn"] = app.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, manage);
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.Politiattester.CountAsync(p => p.UserId == user)));
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}?handler=Politiattest", new() { ["applicationId"] = id, ["shownOn"] = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, manage));
        var record = await app.DbAsync(db => db.Politiattester.SingleAsync(p => p.UserId == user));
        Assert.Equal(app.Today, record.ShownOn);
        Assert.Equal("Kåre Koordinator", record.SeenByName);
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}?handler=Approve", new() { ["applicationId"] = id }, manage));
    }

    [Fact]
    public async Task Volunteers_who_asked_are_told_when_a_fitting_role_opens_and_others_are_not()
    {
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var tromsoya = await app.DbAsync(db => db.Districts.Where(d => d.Slug == "tromsoya").Select(d => d.Id).SingleAsync());
        var form = $"/tromso/organisasjoner/{orgId}/frivillig/roller/ny";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "Ny turvenn"), new("Input.Description", "Gå tur."), new("Input.TaskKind", "tur"), new("Input.DistrictId", tromsoya.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.MayDo", "Gå tur\nPrate"), new("Input.MayNotDo", "Gi medisiner"), new("Input.ContactName", "Kari"), new("Input.ContactEmail", "kari@eksempel.no"),
            new("Input.StaffNames", "Anne"), new("Input.StaffEmails", "anne@eksempel.no"), new("Input.ExpectedTime", "1 time"), new("Input.Modules", "rollen-som-frivillig"),
            new("Input.Open", "true"),
        };
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync(form, fields));
        var mail = await app.Mail.WaitForAsync("vera.venn@frivillig.test", m => m.Subject!.Contains("Ny turvenn", StringComparison.Ordinal));
        Assert.Contains("/tromso/frivillig/roller/", mail.TextBody);

        // A role in another district does not fit her profile (Tromsøya only).
        var kroken = await app.DbAsync(db => db.Districts.Where(d => d.Slug == "kroken").Select(d => d.Id).SingleAsync());
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync(form, [.. fields.Where(f => f.Key is not "Input.Title" and not "Input.DistrictId"),
            new("Input.Title", "Turvenn i Kroken"), new("Input.DistrictId", kroken.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        // Mail is written to the outbox in the same save as the role: none is there for her.
        Assert.True(await app.DbAsync(db => db.Outbox.AnyAsync(o => o.ToAddress == "vera.venn@frivillig.test" && o.Subject.Contains("Ny turvenn"))));
        Assert.False(await app.DbAsync(db => db.Outbox.AnyAsync(o => o.ToAddress == "vera.venn@frivillig.test" && o.Subject.Contains("Turvenn i Kroken"))));
    }

    [Fact]
    public async Task A_coordinator_messages_every_volunteer_of_a_role_and_shifts_are_in_the_personal_feed_as_parsers_read_it()
    {
        var (roleId, shiftId, orgId) = await VolunteerScene.RoleAsync(app, "Meldingsrolle", daysAhead: 5);
        var user = await VolunteerScene.NewVolunteerAsync(app, "melding@frivillig.test", "Mia Melding");
        await VolunteerScene.ReadyAndApprovedAsync(app, user, roleId);
        await VolunteerScene.TakeAsync(app, user, shiftId);
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"/tromso/organisasjoner/{orgId}/frivillig/melding",
            new() { ["Input.Target"] = $"rolle:{roleId}", ["Input.Subject"] = "Nytt rom", ["Input.Body"] = "Vi er i andre etasje fra nå." }));
        var message = await app.Mail.WaitForAsync("melding@frivillig.test", m => m.Subject!.Contains("Nytt rom", StringComparison.Ordinal));
        Assert.Contains("andre etasje", message.TextBody);
        Assert.Contains("rollen Meldingsrolle", message.TextBody);

        // A target that is not on the page's list (another organisation's role) is refused, and nobody is mailed.
        var (otherRole, _, _) = await VolunteerScene.RoleAsync(app, "Annen organisasjons rolle", organisation: Demo.Bymisjonen);
        var refused = await coordinator.PostFormAsync($"/tromso/organisasjoner/{orgId}/frivillig/melding",
            new() { ["Input.Target"] = $"rolle:{otherRole}", ["Input.Subject"] = "Hei", ["Input.Body"] = "Hei" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Velg fra listen.", await refused.Content.ReadAsStringAsync());

        var session = await app.SignInAsync("melding@frivillig.test");
        var link = await session.PostFormAsync("/konto?handler=CalendarLink", new() { ["bekreftet"] = "ja" }, formPage: "/konto");
        var path = System.Text.RegularExpressions.Regex.Match(await link.Content.ReadAsStringAsync(), "value=\"http://frivillig.test(/ical/me/[^\"]+)\"").Groups[1].Value;
        var feed = await app.NewSession().Client.GetStringAsync(path);
        var from = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = app.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var signUpId = await app.DbAsync(db => db.ShiftSignUps.Where(s => s.UserId == user).Select(s => s.Id).SingleAsync());
        foreach (var parsed in new[] { IcalParsers.Python(feed, from, to), IcalParsers.IcalJs(feed, from, to) })
        {
            var shift = Assert.Single(parsed, e => e.Uid == $"shift-{signUpId}@frivillig");
            Assert.EndsWith("T12:00:00+01:00", shift.Start);
        }
    }


    [Fact]
    public async Task A_role_without_both_lists_or_with_another_municipalitys_district_is_refused_and_nothing_is_saved()
    {
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var lunnerDistrict = await app.DbAsync(db => db.Districts.Where(d => d.MunicipalityId != db.Organisations.Single(o => o.Id == orgId).MunicipalityId).Select(d => d.Id).FirstAsync());
        var before = await app.DbAsync(db => db.VolunteerRoles.CountAsync());
        var form = $"/tromso/organisasjoner/{orgId}/frivillig/roller/ny";
        var noMayNotDo = await coordinator.PostFormAsync(form, new Dictionary<string, string>
        {
            ["Input.Title"] = "Uten grenser", ["Input.Description"] = "x", ["Input.TaskKind"] = "tur", ["Input.DistrictId"] = lunnerDistrict.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.MayDo"] = "Alt", ["Input.MayNotDo"] = " ", ["Input.ContactName"] = "<script>alert(1)</script>", ["Input.ContactEmail"] = "kari@eksempel.no",
            ["Input.StaffNames"] = "Anne", ["Input.StaffEmails"] = "anne@eksempel.no", ["Input.ExpectedTime"] = "1 time",
        });
        var html = await noMayNotDo.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noMayNotDo.StatusCode);
        Assert.Contains("Skriv hva den frivillige ikke gjør.", html);
        Assert.Contains("Velg en bydel fra listen.", html);
        Assert.Contains("Feltet kan ikke inneholde HTML-kode", html);
        Assert.Equal(before, await app.DbAsync(db => db.VolunteerRoles.CountAsync()));
    }

    [Fact]
    public async Task Another_organisations_or_municipalitys_role_and_shift_are_not_found_and_change_nothing()
    {
        var (roleId, shiftId, _) = await VolunteerScene.RoleAsync(app, "Lunnerrolle", district: "harestua", organisation: Demo.LunnerSportsClub, municipality: Demo.Lunner);
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        await coordinator.GetHtmlAsync($"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}", HttpStatusCode.NotFound);
        await coordinator.GetHtmlAsync($"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige", HttpStatusCode.NotFound);
        await coordinator.GetHtmlAsync($"/tromso/frivillig/roller/{roleId}", HttpStatusCode.NotFound);
        var page = $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}";
        using var post = await coordinator.PostFormAsync($"{page}?handler=Briefing", new() { ["Briefing.Shared"] = "Endret", ["Briefing.StaffOnly"] = "Endret" }, $"/tromso/organisasjoner/{orgId}/frivillig");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await app.DbAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.BriefingShared).SingleAsync()));
        // A member (not coordinator) of an organisation cannot manage its volunteers.
        var member = await app.SignInAsync(Demo.Member);
        using var denied = await member.Client.GetAsync($"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.Bymisjonen)}/frivillig");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
