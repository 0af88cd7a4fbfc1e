using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

/// <summary>The secret link in the confirmation: shows the sign-up and lets the person cancel it; a freed place goes to the waitlist.</summary>
public sealed class SignUpReceiptModel(FrivilligDbContext db, SignUpMail mail, MunicipalClock clock) : PageModel
{
    public SignUp? SignUp { get; private set; }
    public string When { get; private set; } = string.Empty;
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

        if (SignUp.Status != SignUpStatus.Cancelled)
        {
            var activity = await db.Activities.Include(a => a.DateChanges).Include(a => a.Organisation).Include(a => a.District).SingleAsync(a => a.Id == SignUp.ActivityId, ct);
            var hadPlace = SignUp.HasPlace;
            // The withdrawal is composed first: the invitation's SEQUENCE counts up on the sign-up being cancelled.
            await mail.SendAsync(SignUp, activity, "signup-cancelled", hadPlace ? "CANCEL" : null, ct);
            foreach (var promoted in await Places.CancelAsync(db, SignUp, activity, clock.Zone, clock.Now, ct))
            {
                await mail.SendAsync(promoted, activity, "signup-promoted", "REQUEST", ct, firstInvitation: true);
            }

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
        SignUp = await db.SignUps.Include(s => s.Activity).SingleOrDefaultAsync(s => s.TokenHash == hash, ct);
        if (SignUp is not null)
        {
            When = SignUp.OccurrenceStart is { } start ? clock.Text(start, "dddd d. MMMM 'kl.' HH:mm") : "hele serien";
        }
    }
}
