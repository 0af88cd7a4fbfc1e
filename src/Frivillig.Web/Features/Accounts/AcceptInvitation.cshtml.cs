using Frivillig.Web.Auth;
using Frivillig.Web.Features.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Accounts;

/// <summary>
/// The link carries the only proof of the invitation, so the tenant is taken from the invitation
/// itself once its hashed token is found, and only the invited address may accept it.
/// </summary>
public sealed class AcceptInvitationModel(FrivilligDbContext db, CurrentUser me, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    public Invitation? Invitation { get; private set; }
    public bool WrongAccount { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (Invitation is null || WrongAccount)
        {
            return Page();
        }

        var municipality = await db.Municipalities.SingleAsync(m => m.Id == Invitation.MunicipalityId, ct);
        db.Tenant.Set(municipality);
        var existing = await db.Memberships.SingleOrDefaultAsync(m => m.OrganisationId == Invitation.OrganisationId && m.UserId == me.RequiredId, ct);
        if (existing is null)
        {
            db.Memberships.Add(new OrganisationMembership
            {
                MunicipalityId = Invitation.MunicipalityId,
                OrganisationId = Invitation.OrganisationId,
                UserId = me.RequiredId,
                Role = Invitation.Role,
                JoinedAt = time.GetUtcNow(),
            });
        }
        else if (existing.Role < Invitation.Role)
        {
            existing.Role = Invitation.Role;
        }

        Invitation.AcceptedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Du er nå med i {0}.", Invitation.Organisation!.Name].Value;
        return Redirect($"/{municipality.Slug}/organisasjoner/{Invitation.OrganisationId}");
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return;
        }

        var hash = Tokens.Hash(token);
        var now = time.GetUtcNow();
        Invitation = await db.Invitations.IgnoreQueryFilters().Include(i => i.Organisation)
            .SingleOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now, ct);
        if (Invitation is not null)
        {
            var email = me.Principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? me.Principal.Identity?.Name;
            WrongAccount = !string.Equals(email, Invitation.Email, StringComparison.OrdinalIgnoreCase);
        }
    }
}
