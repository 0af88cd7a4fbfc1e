using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering.Manage;

/// <summary>
/// The applications to one role with exactly what each applicant still lacks; approval once nothing
/// does; the politiattest recorded as shown (date and who saw it, never the certificate); and shifts
/// planned once or repeating, with the activities' recurrence.
/// </summary>
public sealed class RoleVolunteersModel(FrivilligDbContext db, CurrentUser me, VolunteerReadiness readiness, VolunteerContent content, VolunteerMail mail,
    MunicipalClock clock, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public VolunteerRole Role { get; private set; } = default!;
    public string OrganisationName { get; private set; } = string.Empty;
    public IReadOnlyList<ApplicantRow> Applicants { get; private set; } = [];
    public IReadOnlyList<ShiftRow> Shifts { get; private set; } = [];
    public VolunteerContent Texts => content;
    public MunicipalClock Clock => clock;

    public sealed record ApplicantRow(RoleApplication Application, string Name, string? Email, VolunteerProfile? Profile, IReadOnlyList<Missing> Missing, PolitiattestShown? Politiattest);

    public sealed record ShiftRow(int Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Places, int Taken, int Waiting, bool Cancelled);

    /// <summary>Bound only by the plan handler, so the other forms on the page are not checked against it.</summary>
    public PlanInput Plan { get; set; } = new();

    public sealed class PlanInput
    {
        [Display(Name = "Første dato")]
        [Required(ErrorMessage = "Velg datoen for den første vakten.")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Fra kl.")]
        [Required(ErrorMessage = "Skriv når vakten begynner.")]
        public TimeOnly? Start { get; set; }

        [Display(Name = "Til kl.")]
        [Required(ErrorMessage = "Skriv når vakten slutter.")]
        public TimeOnly? End { get; set; }

        [Display(Name = "Antall plasser")]
        [Range(1, 500, ErrorMessage = "Mellom {1} og {2} plasser.")]
        public int Places { get; set; } = 1;

        [Display(Name = "Sted")]
        [Required(ErrorMessage = "Skriv hvor vakten er.")]
        [StringLength(200, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup]
        public string Place { get; set; } = string.Empty;

        public RecurrenceFrequency Frequency { get; set; } = RecurrenceFrequency.None;

        [Display(Name = "Antall ganger")]
        [Range(1, 52, ErrorMessage = "Mellom {1} og {2} ganger.")]
        public int Count { get; set; } = 1;
    }

    public async Task<IActionResult> OnGetAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        Plan.Place = Role.Place ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int orgId, int id, int applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        var row = Applicants.FirstOrDefault(a => a.Application.Id == applicationId);
        if (row is null || row.Application.Status != ApplicationStatus.Applied)
        {
            ModelState.AddModelError(string.Empty, t["Søknaden finnes ikke eller er allerede behandlet."]);
            return Page();
        }

        if (row.Missing.Count > 0)
        {
            ModelState.AddModelError(string.Empty, t["{0} mangler fortsatt: {1}. Søknaden kan godkjennes når ingenting mangler.", row.Name,
                string.Join(", ", row.Missing.Select(m => m.Module is null ? t[VolunteerLabels.Missing(m.Kind)].Value : content.ModuleTitle(m.Module)))]);
            return Page();
        }

        var application = await db.RoleApplications.SingleAsync(a => a.Id == applicationId, ct);
        application.Approve(row.Missing, me.RequiredId, clock.Now);
        if (row.Email is not null)
        {
            mail.Approved(row.Email, row.Name, Role, OrganisationName);
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["{0} er godkjent som {1}.", row.Name, Role.Title].Value;
        return Redirect(Here(orgId, id));
    }

    public async Task<IActionResult> OnPostDeclineAsync(int orgId, int id, int applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        var row = Applicants.FirstOrDefault(a => a.Application.Id == applicationId);
        if (row is null || row.Application.Status != ApplicationStatus.Applied)
        {
            ModelState.AddModelError(string.Empty, t["Søknaden finnes ikke eller er allerede behandlet."]);
            return Page();
        }

        if (!Confirmed)
        {
            return AskToConfirm(t["Avslå søknaden fra {0}?", row.Name], t["Søkeren ser at søknaden ikke er godkjent, og kan søke igjen senere."], t["Ja, avslå"], Here(orgId, id));
        }

        var application = await db.RoleApplications.SingleAsync(a => a.Id == applicationId, ct);
        application.Decline(me.RequiredId, clock.Now);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Søknaden fra {0} er avslått.", row.Name].Value;
        return Redirect(Here(orgId, id));
    }

    /// <summary>Records that a politiattest was shown: the date and who saw it. Nothing from the certificate is stored.</summary>
    public async Task<IActionResult> OnPostPolitiattestAsync(int orgId, int id, int applicationId, string? shownOn, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        var row = Applicants.FirstOrDefault(a => a.Application.Id == applicationId);
        if (row?.Application.UserId is not { } userId)
        {
            ModelState.AddModelError(string.Empty, t["Søknaden finnes ikke."]);
            return Page();
        }

        if (!DateOnly.TryParseExact(shownOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date > clock.Today || date < clock.Today.AddYears(-5))
        {
            ModelState.AddModelError("shownOn", t["Skriv datoen attesten ble vist, ikke fram i tid og ikke mer enn fem år tilbake."]);
            return Page();
        }

        if (row.Politiattest is null)
        {
            db.Politiattester.Add(new PolitiattestShown
            {
                UserId = userId, OrganisationId = orgId, ShownOn = date, SeenByUserId = me.RequiredId, SeenByName = me.DisplayName, RecordedAt = clock.Now,
            });
            await db.SaveChangesAsync(ct);
        }

        TempData["Status"] = t["Det er registrert at {0} har vist politiattest.", row.Name].Value;
        return Redirect(Here(orgId, id));
    }

    /// <summary>Plans one shift, or a series: weekly, every other week or monthly, expanded in local time like activities.</summary>
    public async Task<IActionResult> OnPostPlanAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        await TryUpdateModelAsync(Plan, "Plan");
        if (!Enum.IsDefined(Plan.Frequency))
        {
            ModelState.AddModelError("Plan.Frequency", t["Velg hvor ofte fra listen."]);
        }

        if (Plan.Date is { } d && (d < clock.Today || d > clock.Today.AddYears(2)))
        {
            ModelState.AddModelError("Plan.Date", t["Velg en dato fra i dag og inntil to år fram."]);
        }

        if (Plan.Start is { } s && Plan.End is { } e && e <= s)
        {
            ModelState.AddModelError("Plan.End", t["Vakten må slutte etter at den begynner."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var start = clock.ToUtc(Plan.Date!.Value, Plan.Start!.Value);
        var end = clock.ToUtc(Plan.Date.Value, Plan.End!.Value);
        var rule = new RecurrenceRule(Plan.Frequency, Count: Plan.Frequency == RecurrenceFrequency.None ? null : Plan.Count);
        var role = await db.VolunteerRoles.SingleAsync(r => r.Id == id, ct);
        var shifts = Shift.Plan(role, new Series(start, end, rule), Plan.Places, Plan.Place, clock.Zone, ShiftPlaces.NewCode, clock.Now);
        db.Shifts.AddRange(shifts);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["{0} vakter er lagt inn.", shifts.Count].Value;
        return Redirect(Here(orgId, id) + "#vakter");
    }

    private string Here(int orgId, int id) => $"/{db.Tenant.Required.Slug}/organisasjoner/{orgId}/frivillig/roller/{id}/frivillige";

    private async Task<bool> LoadAsync(int orgId, int id, CancellationToken ct)
    {
        var row = await db.VolunteerRoles.AsNoTracking().Where(r => r.Id == id && r.OrganisationId == orgId)
            .Select(r => new { Role = r, Organisation = r.Organisation!.Name }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }

        Role = row.Role;
        OrganisationName = row.Organisation;
        var applications = await db.RoleApplications.AsNoTracking().Where(a => a.RoleId == id && a.UserId != null && a.Status != ApplicationStatus.Withdrawn)
            .OrderBy(a => a.AppliedAt).ToListAsync(ct);
        var userIds = applications.Select(a => a.UserId!).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var profiles = await db.VolunteerProfiles.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var attester = await db.Politiattester.AsNoTracking().Where(p => p.OrganisationId == orgId && userIds.Contains(p.UserId)).ToListAsync(ct);
        var rows = new List<ApplicantRow>();
        foreach (var a in applications)
        {
            var user = users[a.UserId!];
            rows.Add(new ApplicantRow(a, user.DisplayName, user.Email, profiles.GetValueOrDefault(a.UserId!), await readiness.MissingAsync(Role, a.UserId!, ct),
                attester.FirstOrDefault(p => p.UserId == a.UserId)));
        }

        Applicants = rows;
        var now = clock.Now;
        Shifts = await db.Shifts.AsNoTracking().Where(s => s.RoleId == id && s.EndsAt > now.AddDays(-30)).OrderBy(s => s.StartsAt).Take(60)
            .Select(s => new ShiftRow(s.Id, s.StartsAt, s.EndsAt, s.Places,
                db.ShiftSignUps.Count(x => x.ShiftId == s.Id && x.Status == ShiftSignUpStatus.Confirmed),
                db.ShiftSignUps.Count(x => x.ShiftId == s.Id && x.Status == ShiftSignUpStatus.Waitlisted), s.Cancelled))
            .ToListAsync(ct);
        return true;
    }
}
