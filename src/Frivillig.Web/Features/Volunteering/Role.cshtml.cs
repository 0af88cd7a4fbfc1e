using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// One role: what the volunteer does and does not do, the training and requirements; for a signed-in
/// person exactly what is missing, the application, and, once approved, the shifts to take.
/// </summary>
public sealed class RoleModel(FrivilligDbContext db, CurrentUser me, VolunteerReadiness readiness, VolunteerContent content, VolunteerMail mail,
    MunicipalClock clock, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public VolunteerRole Role { get; private set; } = default!;
    public string OrganisationName { get; private set; } = string.Empty;
    public string? DistrictName { get; private set; }
    public string? ActivityTitle { get; private set; }
    public VolunteerContent Texts => content;
    public MunicipalClock Clock => clock;
    public IReadOnlyList<Missing>? Missing { get; private set; }
    public RoleApplication? Application { get; private set; }
    public IReadOnlyList<ShiftRow> Shifts { get; private set; } = [];
    public bool CanManage { get; private set; }

    public sealed record ShiftRow(Shift Shift, int PlacesLeft, ShiftSignUpStatus? Mine);

    [BindProperty]
    [Display(Name = "Hilsen til koordinatoren")]
    [StringLength(1000, ErrorMessage = "Hilsenen kan være høyst {1} tegn.")]
    [NoMarkup(AllowLineBreaks = true)]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken ct)
    {
        if (!me.IsAuthenticated)
        {
            return Challenge();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Application is { Status: ApplicationStatus.Applied or ApplicationStatus.Approved })
        {
            ModelState.AddModelError(string.Empty, t["Du har allerede søkt på denne rollen."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var application = RoleApplication.Apply(Role, me.RequiredId, Message, clock.Now);
        db.RoleApplications.Add(application);
        mail.ApplicationReceived(Role, me.DisplayName);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Søknaden er sendt. Koordinatoren får beskjed."].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/frivillig/roller/{id}#status");
    }

    /// <summary>Takes a place on a shift, or the waitlist when it is full; before the first shift the staff who work with the volunteer are told.</summary>
    public async Task<IActionResult> OnPostTakeAsync(int id, int shiftId, CancellationToken ct)
    {
        if (!me.IsAuthenticated)
        {
            return Challenge();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var shift = await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId && s.RoleId == id, ct);
        if (shift is null || shift.Cancelled || shift.StartsAt <= clock.Now)
        {
            ModelState.AddModelError(string.Empty, t["Vakten finnes ikke, er avlyst eller har begynt."]);
            return Page();
        }

        if (Application is not { IsApproved: true } || Missing is { Count: > 0 })
        {
            ModelState.AddModelError(string.Empty, t["Du kan ta vakter når du er godkjent for rollen og ingenting mangler."]);
            return Page();
        }

        var userId = me.RequiredId;
        if (await db.ShiftSignUps.AnyAsync(s => s.ShiftId == shiftId && s.UserId == userId && s.Status != ShiftSignUpStatus.Cancelled, ct))
        {
            ModelState.AddModelError(string.Empty, t["Du har allerede tatt denne vakten."]);
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var signUp = await ShiftPlaces.TakeAsync(db, shift, userId, clock.Now, ct);
        var application = await db.RoleApplications.SingleAsync(a => a.Id == Application.Id, ct);
        if (signUp.HasPlace && application.StaffToldAt is null)
        {
            mail.StaffBriefed(Role, OrganisationName, me.DisplayName, shift, clock);
            application.StaffTold(clock.Now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = (signUp.HasPlace ? t["Du har tatt vakten {0}.", mail.When(shift, clock)] : t["Vakten er full. Du står på ventelisten og får beskjed om du får plass."]).Value;
        return Redirect($"/{db.Tenant.Required.Slug}/frivillig/vakter/{shift.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var row = await db.VolunteerRoles.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { Role = r, Organisation = r.Organisation!.Name, OrgStatus = r.Organisation.Status, District = r.District != null ? r.District.Name : r.Activity != null ? r.Activity.District!.Name : null,
                Activity = r.Activity != null ? r.Activity.Title : null })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }

        Role = row.Role;
        OrganisationName = row.Organisation;
        DistrictName = row.District;
        ActivityTitle = row.Activity;
        CanManage = me.IsAuthenticated && await me.RoleInAsync(Role.OrganisationId, ct) is >= OrganisationRole.Coordinator;
        if ((!Role.IsOpen || row.OrgStatus != ApprovalStatus.Approved) && !CanManage)
        {
            return false;
        }

        var userId = me.Id;
        if (userId is not null)
        {
            Missing = await readiness.MissingAsync(Role, userId, ct);
            Application = await readiness.ApplicationAsync(id, userId, ct);
        }

        var now = clock.Now;
        Shifts = await db.Shifts.AsNoTracking().Where(s => s.RoleId == id && s.EndsAt > now && !s.Cancelled).OrderBy(s => s.StartsAt).Take(20)
            .Select(s => new ShiftRow(s, s.Places - db.ShiftSignUps.Count(x => x.ShiftId == s.Id && x.Status == ShiftSignUpStatus.Confirmed),
                db.ShiftSignUps.Where(x => x.ShiftId == s.Id && x.UserId == userId && x.Status != ShiftSignUpStatus.Cancelled).Select(x => (ShiftSignUpStatus?)x.Status).FirstOrDefault()))
            .ToListAsync(ct);
        return true;
    }
}
