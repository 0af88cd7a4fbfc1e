using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// A volunteer's own shift: when and where, what they do and do not do, the briefing's shared level
/// (only once the declaration is signed and the training done; each view recorded), "kan ikke komme",
/// and check-in with the code shown at the place. The staff-only level is never read here.
/// </summary>
public sealed class ShiftPageModel(FrivilligDbContext db, CurrentUser me, VolunteerReadiness readiness, VolunteerContent content, VolunteerMail mail, MunicipalClock clock,
    IStringLocalizer<SharedResource> t) : FormPageModel
{
    /// <summary>Check-in opens this long before the shift starts.</summary>
    public static readonly TimeSpan CheckInOpens = TimeSpan.FromHours(1);

    public ShiftView Shift { get; private set; } = default!;
    public VolunteerRole Role { get; private set; } = default!;
    public ShiftSignUp SignUp { get; private set; } = default!;
    public IReadOnlyList<Missing> Missing { get; private set; } = [];
    public MunicipalClock Clock => clock;
    public VolunteerContent Texts => content;

    /// <summary>The shared level, when the person may read it; null otherwise.</summary>
    public string? Briefing { get; private set; }
    public bool MayReadBriefing { get; private set; }
    public bool CanCheckIn => SignUp.HasPlace && SignUp.CheckedInAt is null && !Shift.Cancelled && clock.Now >= Shift.StartsAt - CheckInOpens && clock.Now < Shift.EndsAt;

    /// <summary>What the page shows of a shift: never the staff-only level, which is not even loaded.</summary>
    public sealed record ShiftView(int Id, int RoleId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, bool Cancelled);

    [BindProperty]
    [Display(Name = "Koden som vises på stedet")]
    [StringLength(12, ErrorMessage = "Koden er seks siffer.")]
    [NoMarkup]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (MayReadBriefing)
        {
            Briefing = await db.Shifts.Where(s => s.Id == id).Select(s => s.BriefingShared).SingleAsync(ct);
            // A live redraw of an open page (live.js) is not the person reading it again.
            if (Briefing is not null && Request.Headers["X-Requested-With"] != "live")
            {
                db.BriefingViews.Add(new BriefingView { ShiftId = id, UserId = me.RequiredId, ViewedAt = clock.Now });
                await db.SaveChangesAsync(ct);
            }
        }

        return Page();
    }

    /// <summary>"Kan ikke komme": the place frees and goes to the first on the waitlist; the coordinator is told at once; reminders stop.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (SignUp.Status == ShiftSignUpStatus.Cancelled || Shift.StartsAt <= clock.Now)
        {
            ModelState.AddModelError(string.Empty, t["Vakten er allerede meldt av eller har begynt."]);
            return Page();
        }

        if (!Confirmed)
        {
            return AskToConfirm(t["Kan du ikke komme?"], t["Plassen din går til den første på ventelisten, og koordinatoren får beskjed med en gang."],
                t["Ja, jeg kan ikke komme"], $"/{db.Tenant.Required.Slug}/frivillig/vakter/{id}");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var shift = await db.Shifts.SingleAsync(s => s.Id == id, ct);
        var signUp = await db.ShiftSignUps.SingleAsync(s => s.Id == SignUp.Id, ct);
        var promoted = await ShiftPlaces.CancelAsync(db, shift, signUp, clock.Now, ct);
        string? promotedName = null;
        if (promoted?.UserId is { } promotedId && await db.Users.SingleOrDefaultAsync(u => u.Id == promotedId, ct) is { Email: { } email } user)
        {
            promotedName = user.DisplayName;
            mail.Promoted(email, user.DisplayName, Role, shift, clock);
        }

        mail.CannotCome(Role, me.DisplayName, shift, promotedName, clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = t["Du er meldt av vakten. Koordinatoren har fått beskjed."].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/frivillig/roller/{Role.Id}");
    }

    public async Task<IActionResult> OnPostCheckInAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!CanCheckIn)
        {
            ModelState.AddModelError(nameof(Code), t["Du kan sjekke inn fra en time før vakten til den er slutt."]);
            return Page();
        }

        var code = await db.Shifts.Where(s => s.Id == id).Select(s => s.CheckInCode).SingleAsync(ct);
        if (string.IsNullOrWhiteSpace(Code) || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(Code.Replace(" ", string.Empty, StringComparison.Ordinal)), System.Text.Encoding.UTF8.GetBytes(code)))
        {
            ModelState.AddModelError(nameof(Code), t["Koden stemmer ikke. Se koden som vises på stedet, eller spør koordinatoren."]);
            return Page();
        }

        var signUp = await db.ShiftSignUps.SingleAsync(s => s.Id == SignUp.Id, ct);
        signUp.CheckIn(me.RequiredId, Shift.EndsAt - Shift.StartsAt, clock.Now);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Du er sjekket inn. God vakt!"].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/frivillig/vakter/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var userId = me.RequiredId;
        var shift = await db.Shifts.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new ShiftView(s.Id, s.RoleId, s.StartsAt, s.EndsAt, s.Place, s.Cancelled)).SingleOrDefaultAsync(ct);
        var signUp = shift is null ? null : await db.ShiftSignUps.AsNoTracking().Where(s => s.ShiftId == id && s.UserId == userId).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        if (shift is null || signUp is null)
        {
            return false;
        }

        Shift = shift;
        SignUp = signUp;
        Role = await db.VolunteerRoles.AsNoTracking().SingleAsync(r => r.Id == shift.RoleId, ct);
        Missing = await readiness.MissingAsync(Role, userId, ct);
        MayReadBriefing = signUp.Status != ShiftSignUpStatus.Cancelled && Readiness.MayReadBriefing(Missing);
        return true;
    }
}
