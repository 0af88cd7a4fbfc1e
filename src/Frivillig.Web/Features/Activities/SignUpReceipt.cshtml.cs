using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

/// <summary>The secret link in the confirmation: shows the sign-up and lets the person cancel it; a freed place goes to the waitlist.</summary>
public sealed class SignUpReceiptModel(FrivilligDbContext db, SignUpMail mail, MunicipalClock clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : FormPageModel
{
    public SignUp? SignUp { get; private set; }
    public string When { get; private set; } = string.Empty;

    /// <summary>For a whole-series sign-up: the full dates it waits for, as text; null when none.</summary>
    public string? WaitlistedDates { get; private set; }
    public string MunicipalitySlug => db.Tenant.Required.Slug;

    public async Task OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct);

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LoadAsync(token, ct);
        if (SignUp is null)
        {
            return NotFound();
        }

        if (SignUp.Status != SignUpStatus.Cancelled && !Confirmed)
        {
            await tx.RollbackAsync(ct);
            return AskToConfirm(t["Melde deg av {0}, {1}?", SignUp.Activity!.Title, When],
                SignUp.HasPlace ? t["Plassen din går til den første på ventelisten."] : t["Du forsvinner fra ventelisten."],
                t["Ja, meld meg av"], $"/{MunicipalitySlug}/pamelding/{token}");
        }

        if (SignUp.Status != SignUpStatus.Cancelled)
        {
            var activity = await db.Activities.Include(a => a.DateChanges).Include(a => a.Organisation).Include(a => a.District).SingleAsync(a => a.Id == SignUp.ActivityId, ct);
            var hadPlace = SignUp.HasPlace;
            // The withdrawal is composed first: the invitation's SEQUENCE counts up on the sign-up being cancelled.
            await mail.SendAsync(SignUp, activity, "signup-cancelled", hadPlace ? "CANCEL" : null, ct);
            await mail.SendPromotionsAsync(await Places.CancelAsync(db, SignUp, activity, clock.Zone, clock.Now, ct), activity, ct);

            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Redirect($"/{MunicipalitySlug}/pamelding/{token}");
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return;
        }

        var hash = Tokens.Hash(token);
        SignUp = await db.SignUps.Include(s => s.Activity).ThenInclude(a => a!.DateChanges).Include(s => s.WaitlistedDates).AsSplitQuery().SingleOrDefaultAsync(s => s.TokenHash == hash, ct);
        if (SignUp is not null)
        {
            When = SignUp.OccurrenceStart is { } start ? clock.Text(SignUp.Activity!.Find(clock.Zone, start)?.Start ?? start, "dddd d. MMMM 'kl.' HH:mm") : t["alle datoene i serien"];
            WaitlistedDates = SignUp.Status == SignUpStatus.Confirmed ? mail.WaitlistedDatesText(SignUp, SignUp.Activity!) : null;
        }
    }
}
