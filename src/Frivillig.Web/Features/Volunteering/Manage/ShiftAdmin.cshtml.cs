using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering.Manage;

/// <summary>
/// One shift for the coordinator: the check-in code to show at the place, the volunteers with check-in
/// and hours to approve, and the briefing in its two levels, written beside the municipality's
/// guidelines on information sharing; who has read the briefing, and when.
/// </summary>
public sealed class ShiftAdminModel(FrivilligDbContext db, CurrentUser me, VolunteerContent content, VolunteerMail mail, MunicipalClock clock, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public Shift Shift { get; private set; } = default!;
    public VolunteerRole Role { get; private set; } = default!;
    public IReadOnlyList<VolunteerRow> Volunteers { get; private set; } = [];
    public IReadOnlyList<(string Name, DateTimeOffset At)> Views { get; private set; } = [];
    public string Guidelines => content.Guidelines(db.Tenant.Required.Slug);
    public MunicipalClock Clock => clock;

    public sealed record VolunteerRow(ShiftSignUp SignUp, string Name, string? Email);

    [BindProperty]
    public BriefingInput Briefing { get; set; } = new();

    public sealed class BriefingInput
    {
        [Display(Name = "Kan deles med frivillig")]
        [StringLength(Shift.BriefingMaxLength, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string? Shared { get; set; }

        [Display(Name = "Kun for ansatte")]
        [StringLength(Shift.BriefingMaxLength, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string? StaffOnly { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        Briefing = new BriefingInput { Shared = Shift.BriefingShared, StaffOnly = Shift.BriefingStaffOnly };
        return Page();
    }

    public async Task<IActionResult> OnPostBriefingAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var shift = await db.Shifts.SingleAsync(s => s.Id == id, ct);
        shift.WriteBriefing(Briefing.Shared, Briefing.StaffOnly, clock.Now);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Orienteringen er lagret."].Value;
        return Redirect(Here(orgId, id));
    }

    public async Task<IActionResult> OnPostCheckInAsync(int orgId, int id, int signUpId, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        var signUp = await db.ShiftSignUps.SingleOrDefaultAsync(s => s.Id == signUpId && s.ShiftId == id, ct);
        if (signUp is null || !signUp.HasPlace || clock.Now < Shift.StartsAt.AddHours(-1))
        {
            ModelState.AddModelError(string.Empty, t["Bare frivillige med plass på vakten kan sjekkes inn, fra en time før den begynner."]);
            return Page();
        }

        signUp.CheckIn(me.RequiredId, Shift.Duration, clock.Now);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Sjekket inn."].Value;
        return Redirect(Here(orgId, id));
    }

    public async Task<IActionResult> OnPostHoursAsync(int orgId, int id, int signUpId, string? hours, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        var signUp = await db.ShiftSignUps.SingleOrDefaultAsync(s => s.Id == signUpId && s.ShiftId == id, ct);
        if (signUp?.CheckedInAt is null)
        {
            ModelState.AddModelError(string.Empty, t["Timer godkjennes for frivillige som er sjekket inn."]);
            return Page();
        }

        if (!decimal.TryParse(hours?.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h) || h is <= 0 or > 24)
        {
            ModelState.AddModelError("hours", t["Skriv timene som et tall mellom 0 og 24, for eksempel 2,5."]);
            return Page();
        }

        signUp.ApproveHours(h, me.RequiredId, clock.Now);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Timene er godkjent."].Value;
        return Redirect(Here(orgId, id));
    }

    public async Task<IActionResult> OnPostCancelAsync(int orgId, int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        if (Shift.Cancelled)
        {
            ModelState.AddModelError(string.Empty, t["Vakten er allerede avlyst."]);
            return Page();
        }

        if (!Confirmed)
        {
            return AskToConfirm(t["Avlyse vakten?"], t["De frivillige på vakten og ventelisten får e-post om at den er avlyst, og påminnelsene stopper."], t["Ja, avlys vakten"], Here(orgId, id));
        }

        var shift = await db.Shifts.SingleAsync(s => s.Id == id, ct);
        shift.Cancel(clock.Now);
        var organisation = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleAsync(ct);
        foreach (var v in Volunteers.Where(v => v.SignUp.Status != ShiftSignUpStatus.Cancelled && v.Email is not null))
        {
            mail.ShiftCancelled(v.Email!, v.Name, organisation, Role, shift, clock);
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Vakten er avlyst."].Value;
        return Redirect(Here(orgId, id));
    }

    private string Here(int orgId, int id) => $"/{db.Tenant.Required.Slug}/organisasjoner/{orgId}/frivillig/vakter/{id}";

    private async Task<bool> LoadAsync(int orgId, int id, CancellationToken ct)
    {
        var shift = await db.Shifts.AsNoTracking().Include(s => s.Role).SingleOrDefaultAsync(s => s.Id == id && s.Role!.OrganisationId == orgId, ct);
        if (shift is null)
        {
            return false;
        }

        Shift = shift;
        Role = shift.Role!;
        var signUps = await db.ShiftSignUps.AsNoTracking().Where(s => s.ShiftId == id).OrderBy(s => s.Status).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        var ids = signUps.Where(s => s.UserId != null).Select(s => s.UserId!).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        Volunteers = [.. signUps.Select(s => s.UserId is { } uid && users.TryGetValue(uid, out var u) ? new VolunteerRow(s, u.DisplayName, u.Email) : new VolunteerRow(s, t["Slettet bruker"], null))];
        var views = await db.BriefingViews.AsNoTracking().Where(v => v.ShiftId == id).OrderByDescending(v => v.ViewedAt).Take(50).ToListAsync(ct);
        Views = [.. views.Select(v => (v.UserId is { } uid && users.TryGetValue(uid, out var u) ? u.DisplayName : t["Slettet bruker"].Value, v.ViewedAt))];
        return true;
    }
}
