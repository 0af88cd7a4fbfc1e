using System.Globalization;
using Frivillig.IntegrationTests.Features.HostileInput;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Pages = Frivillig.Web.Features;

namespace Frivillig.IntegrationTests.Features.Volunteering;

/// <summary>The volunteering forms and endpoints, for the hostile-input walk.</summary>
public sealed class VolunteeringTargets : IHostileTargetSet
{
    private const string Coordinator = Demo.Coordinator;
    private const string Volunteer = Demo.Volunteer;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) => PlatformTargets.Fields(fields);

    /// <summary>A role with a shift today at noon (check-in open), the demo volunteer ready, approved and on it.</summary>
    private static async Task<(int RoleId, int ShiftId, int OrgId)> OnShiftAsync(FrivilligApp app, string title)
    {
        var (roleId, shiftId, orgId) = await VolunteerScene.RoleAsync(app, title, daysAhead: 0, places: 5);
        var user = await VolunteerScene.UserIdAsync(app, Volunteer);
        await VolunteerScene.ReadyAndApprovedAsync(app, user, roleId);
        await VolunteerScene.TakeAsync(app, user, shiftId);
        return (roleId, shiftId, orgId);
    }

    /// <summary>A role with one pending application from a fresh volunteer; returns the application.</summary>
    private static async Task<(int RoleId, int OrgId, int ApplicationId)> ApplicationAsync(FrivilligApp app, string title, bool trust = false)
    {
        var (roleId, _, orgId) = await VolunteerScene.RoleAsync(app, title, modules: [], declaration: false, trust: trust);
        var user = await VolunteerScene.NewVolunteerAsync(app, $"{Guid.NewGuid():N}@frivillig.test", "Walk Søker");
        var applicationId = await app.DbAsync(async db =>
        {
            var role = await db.VolunteerRoles.SingleAsync(r => r.Id == roleId);
            var application = Frivillig.Model.Volunteering.RoleApplication.Apply(role, user, null, app.Clock.GetUtcNow());
            db.RoleApplications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });
        return (roleId, orgId, applicationId);
    }

    public IEnumerable<FormTarget> Forms =>
    [
        new(typeof(Pages.Volunteering.RoleModel), "Apply", async app =>
        {
            var (roleId, _, _) = await VolunteerScene.RoleAsync(app, "Søkemål");
            return new(Volunteer, $"/tromso/frivillig/roller/{roleId}", $"/tromso/frivillig/roller/{roleId}?handler=Apply", Fields(("Message", "Jeg vil gjerne hjelpe.")));
        }),
        new(typeof(Pages.Volunteering.RoleModel), "Take", async app =>
        {
            var (roleId, shiftId, _) = await VolunteerScene.RoleAsync(app, "Vaktmål", daysAhead: 4);
            await VolunteerScene.ReadyAndApprovedAsync(app, await VolunteerScene.UserIdAsync(app, Volunteer), roleId);
            return new(Volunteer, $"/tromso/frivillig/roller/{roleId}", $"/tromso/frivillig/roller/{roleId}?handler=Take", Fields(("shiftId", Id(shiftId))));
        }),
        new(typeof(Pages.Volunteering.ProfileModel), string.Empty, _ => Task.FromResult(new FormRequest(Volunteer, "/tromso/frivillig/profil", "/tromso/frivillig/profil",
            Fields(("Input.Phone", "912 34 567"), ("Input.Languages", "norsk"), ("Input.Skills", "Kaffe"), ("Input.Availability", "Kvelder"), ("Input.Districts", "tromsoya"),
                ("Input.Days", "monday"), ("Input.Times", "evening"), ("Input.NotifyOnNewRoles", "true"))))),
        new(typeof(Pages.Volunteering.TrainingModel), string.Empty, _ => Task.FromResult(new FormRequest(Volunteer, "/tromso/frivillig/opplaering/sykdomsforstaelse",
            "/tromso/frivillig/opplaering/sykdomsforstaelse", Fields(("Answers[0]", "1"), ("Answers[1]", "1"))))),
        new(typeof(Pages.Volunteering.DeclarationModel), string.Empty, async app =>
        {
            var (roleId, _, _) = await VolunteerScene.RoleAsync(app, "Erklæringsmål");
            return new(Volunteer, $"/tromso/frivillig/erklaering/{roleId}", $"/tromso/frivillig/erklaering/{roleId}",
                Fields(("Input.Name", "Frida Frivillig"), ("Input.Covers", "rolle"), ("Input.Agree", "true")));
        }),
        new(typeof(Pages.Volunteering.ShiftPageModel), "Cancel", async app =>
        {
            var (_, shiftId, _) = await OnShiftAsync(app, "Avmeldingsvaktmål");
            return new(Volunteer, $"/tromso/frivillig/vakter/{shiftId}", $"/tromso/frivillig/vakter/{shiftId}?handler=Cancel", Fields(("bekreftet", "ja")));
        }),
        new(typeof(Pages.Volunteering.ShiftPageModel), "CheckIn", async app =>
        {
            var (_, shiftId, _) = await OnShiftAsync(app, "Innsjekkingsmål");
            return new(Volunteer, $"/tromso/frivillig/vakter/{shiftId}", $"/tromso/frivillig/vakter/{shiftId}?handler=CheckIn", Fields(("Code", "123456")));
        }),
        new(typeof(Pages.Volunteering.Manage.EditRoleModel), string.Empty, async app =>
        {
            var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/roller/ny";
            return new(Coordinator, page, page, Fields(("Input.Title", "Walkrolle"), ("Input.Description", "Om rollen"), ("Input.TaskKind", "tur"),
                ("Input.DistrictId", await PlatformTargets.DistrictIdAsync(app)), ("Input.Place", "Parken"), ("Input.MayDo", "Gå tur"), ("Input.MayNotDo", "Gi medisiner"),
                ("Input.ContactName", "Kari"), ("Input.ContactEmail", "kari@eksempel.no"), ("Input.StaffNames", "Anne og Per"), ("Input.StaffEmails", "anne@eksempel.no\nper@eksempel.no"),
                ("Input.ExpectedTime", "1 time"), ("Input.Languages", "norsk"), ("Input.Modules", "rollen-som-frivillig"), ("Input.Days", "monday"), ("Input.Times", "morning"),
                ("Input.NeedsDeclaration", "true"), ("Input.InvolvesTrust", "false"), ("Input.Open", "false")));
        }),
        new(typeof(Pages.Volunteering.Manage.RoleVolunteersModel), "Approve", async app =>
        {
            var (roleId, orgId, applicationId) = await ApplicationAsync(app, "Godkjenningsmål");
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige";
            return new(Coordinator, page, $"{page}?handler=Approve", Fields(("applicationId", Id(applicationId))));
        }),
        new(typeof(Pages.Volunteering.Manage.RoleVolunteersModel), "Decline", async app =>
        {
            var (roleId, orgId, applicationId) = await ApplicationAsync(app, "Avslagsmål");
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige";
            return new(Coordinator, page, $"{page}?handler=Decline", Fields(("applicationId", Id(applicationId)), ("bekreftet", "ja")));
        }),
        new(typeof(Pages.Volunteering.Manage.RoleVolunteersModel), "Politiattest", async app =>
        {
            var (roleId, orgId, applicationId) = await ApplicationAsync(app, "Politiattestmål", trust: true);
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige";
            return new(Coordinator, page, $"{page}?handler=Politiattest", Fields(("applicationId", Id(applicationId)), ("shownOn", app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }),
        new(typeof(Pages.Volunteering.Manage.RoleVolunteersModel), "Plan", async app =>
        {
            var (roleId, _, orgId) = await VolunteerScene.RoleAsync(app, "Planleggingsmål");
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige";
            return new(Coordinator, page, $"{page}?handler=Plan", Fields(("Plan.Date", app.Today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("Plan.Start", "10:00"), ("Plan.End", "12:00"), ("Plan.Places", "2"), ("Plan.Place", "Senteret"), ("Plan.Frequency", "Weekly"), ("Plan.Count", "3")));
        }),
        new(typeof(Pages.Volunteering.Manage.ShiftAdminModel), "Briefing", async app =>
        {
            var (_, shiftId, orgId) = await VolunteerScene.RoleAsync(app, "Orienteringsmål");
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}";
            return new(Coordinator, page, $"{page}?handler=Briefing", Fields(("Briefing.Shared", "Hører dårlig"), ("Briefing.StaffOnly", "Diagnose")));
        }),
        new(typeof(Pages.Volunteering.Manage.ShiftAdminModel), "CheckIn", async app =>
        {
            var (_, shiftId, orgId) = await OnShiftAsync(app, "Koordinatorinnsjekkingsmål");
            var signUpId = await app.DbAsync(db => db.ShiftSignUps.Where(s => s.ShiftId == shiftId).Select(s => s.Id).SingleAsync());
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}";
            return new(Coordinator, page, $"{page}?handler=CheckIn", Fields(("signUpId", Id(signUpId))));
        }),
        new(typeof(Pages.Volunteering.Manage.ShiftAdminModel), "Hours", async app =>
        {
            var (_, shiftId, orgId) = await OnShiftAsync(app, "Timemål");
            var signUpId = await app.DbAsync(async db =>
            {
                var s = await db.ShiftSignUps.SingleAsync(x => x.ShiftId == shiftId);
                s.CheckIn("walk", TimeSpan.FromHours(2), app.Clock.GetUtcNow());
                await db.SaveChangesAsync();
                return s.Id;
            });
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}";
            return new(Coordinator, page, $"{page}?handler=Hours", Fields(("signUpId", Id(signUpId)), ("hours", "2,5")));
        }),
        new(typeof(Pages.Volunteering.Manage.ShiftAdminModel), "Cancel", async app =>
        {
            var (_, shiftId, orgId) = await VolunteerScene.RoleAsync(app, "Vaktavlysningsmål");
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}";
            return new(Coordinator, page, $"{page}?handler=Cancel", Fields(("bekreftet", "ja")));
        }),
        new(typeof(Pages.Volunteering.Manage.MessageModel), string.Empty, async app =>
        {
            var (roleId, _, orgId) = await VolunteerScene.RoleAsync(app, "Meldingsmål");
            var page = $"/tromso/organisasjoner/{orgId}/frivillig/melding";
            return new(Coordinator, page, page, Fields(("Input.Target", $"rolle:{roleId}"), ("Input.Subject", "Hei"), ("Input.Body", "Husk vakten.")));
        }),
        new(typeof(Pages.Accounts.MyDataModel), "Delete", async app =>
        {
            var email = $"slett-{Guid.NewGuid():N}@frivillig.test";
            await VolunteerScene.NewVolunteerAsync(app, email, "Walk Sletter");
            return new(email, "/konto/mine-data", "/konto/mine-data?handler=Delete", Fields(("bekreftet", "ja")));
        }),
    ];

    public IEnumerable<GetTarget> Gets =>
    [
        new("{m}/frivillig", _ => Task.FromResult(new GetRequest(null, "/tromso/frivillig", ["district", "kind", "language", "day", "time"], s => $"/{s}/frivillig"))),
        new("/api/v1/{m}/volunteer-roles", _ => Task.FromResult(new GetRequest(null, "/api/v1/tromso/volunteer-roles", ["district", "kind", "language", "day", "time"], s => $"/api/v1/{s}/volunteer-roles"))),
        new("{m}/frivillig/roller/{id:int}", async app =>
        {
            var (roleId, _, _) = await VolunteerScene.RoleAsync(app, "Rollesidemål");
            return new GetRequest(Volunteer, $"/tromso/frivillig/roller/{roleId}", [], s => $"/tromso/frivillig/roller/{s}");
        }),
        new("{m}/frivillig/profil", _ => Task.FromResult(new GetRequest(Volunteer, "/tromso/frivillig/profil", [], s => $"/{s}/frivillig/profil"))),
        new("{m}/frivillig/opplaering/{module}", _ => Task.FromResult(new GetRequest(Volunteer, "/tromso/frivillig/opplaering/aldring-og-demens", ["rolle", "handler"],
            s => $"/tromso/frivillig/opplaering/{s}"))),
        new("{m}/frivillig/erklaering/{roleId:int}", async app =>
        {
            var (roleId, _, _) = await VolunteerScene.RoleAsync(app, "Erklæringssidemål");
            return new GetRequest(Volunteer, $"/tromso/frivillig/erklaering/{roleId}", [], s => $"/tromso/frivillig/erklaering/{s}");
        }),
        new("{m}/frivillig/vakter/{id:int}", async app =>
        {
            var (_, shiftId, _) = await OnShiftAsync(app, "Vaktsidemål");
            return new GetRequest(Volunteer, $"/tromso/frivillig/vakter/{shiftId}", [], s => $"/tromso/frivillig/vakter/{s}");
        }),
        new("konto/frivillig-attest", _ => Task.FromResult(new GetRequest(Volunteer, "/konto/frivillig-attest", []))),
        new("konto/mine-data", _ => Task.FromResult(new GetRequest(Volunteer, "/konto/mine-data", ["handler"]))),
        new("{m}/organisasjoner/{orgId:int}/frivillig", async app =>
            new GetRequest(Coordinator, $"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.RodeKors)}/frivillig", [], s => $"/tromso/organisasjoner/{s}/frivillig")),
        new("{m}/organisasjoner/{orgId:int}/frivillig/roller/ny", async app =>
        {
            var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig/roller/ny", ["mal"], s => $"/tromso/organisasjoner/{s}/frivillig/roller/ny");
        }),
        new("{m}/organisasjoner/{orgId:int}/frivillig/roller/{id:int}", async app =>
        {
            var (roleId, _, orgId) = await VolunteerScene.RoleAsync(app, "Redigeringssidemål");
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}", [], s => $"/tromso/organisasjoner/{orgId}/frivillig/roller/{s}");
        }),
        new("{m}/organisasjoner/{orgId:int}/frivillig/roller/{id:int}/frivillige", async app =>
        {
            var (roleId, _, orgId) = await VolunteerScene.RoleAsync(app, "Søknadssidemål");
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig/roller/{roleId}/frivillige", [], s => $"/tromso/organisasjoner/{orgId}/frivillig/roller/{s}/frivillige");
        }),
        new("{m}/organisasjoner/{orgId:int}/frivillig/vakter/{id:int}", async app =>
        {
            var (_, shiftId, orgId) = await VolunteerScene.RoleAsync(app, "Vaktadminsidemål");
            return new GetRequest(Coordinator, $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}", [], s => $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{s}");
        }),
        new("{m}/organisasjoner/{orgId:int}/frivillig/melding", async app =>
            new GetRequest(Coordinator, $"/tromso/organisasjoner/{await app.OrganisationIdAsync(Demo.RodeKors)}/frivillig/melding", ["rolle", "vakt", "aktivitet"],
                s => $"/tromso/organisasjoner/{s}/frivillig/melding")),
    ];
}
