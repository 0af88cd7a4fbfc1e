using System.Globalization;
using Frivillig.Web.Auth;
using Frivillig.Web.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

/// <summary>The secret link in the confirmation: shows the sign-up and lets the person cancel it; a freed place goes to the waitlist.</summary>
public sealed class SignUpReceiptModel(FrivilligDbContext db, Outbox outbox, Catalog catalog, LinkBuilder links, TimeProvider time) : PageModel
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
            // Promotion counts places; the same lock as sign-up keeps the two from interleaving.
            await db.LockRowAsync<Activity>(SignUp.ActivityId, ct);
            var wasConfirmed = SignUp.Status == SignUpStatus.Confirmed;
            var now = time.GetUtcNow();
            SignUp.Status = SignUpStatus.Cancelled;
            SignUp.CancelledAt = now;
            var activity = await db.Activities.Include(a => a.DateChanges).Include(a => a.Organisation).Include(a => a.District).SingleAsync(a => a.Id == SignUp.ActivityId, ct);
            var zone = ActivityCalendar.Zone(db.Tenant.Required);
            SignUpMail.Send(outbox, catalog, db.Tenant.Required, SignUp, activity, activity.Organisation!.Name, activity.District!.Name, links,
                "signup-cancelled", wasConfirmed ? "CANCEL" : null);
            await db.SaveChangesAsync(ct);
            if (wasConfirmed)
            {
                foreach (var promoted in await Places.PromoteAsync(db, activity, zone, now, ct))
                {
                    SignUpMail.Send(outbox, catalog, db.Tenant.Required, promoted, activity, activity.Organisation.Name, activity.District.Name, links, "signup-promoted", "REQUEST", firstInvitation: true);
                }

                await db.SaveChangesAsync(ct);
            }
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
            var zone = ActivityCalendar.Zone(db.Tenant.Required);
            var nb = CultureInfo.GetCultureInfo("nb-NO");
            When = SignUp.OccurrenceStart is { } start
                ? TimeZoneInfo.ConvertTime(start, zone).ToString("dddd d. MMMM 'kl.' HH:mm", nb)
                : "hele serien";
        }
    }
}
