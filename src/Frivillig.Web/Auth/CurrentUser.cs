using System.Security.Claims;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Auth;

/// <summary>
/// Who is asking, and what they may do in the request's municipality. Role look-ups go through the
/// tenant-filtered DbContext, so a role held in another municipality simply is not found.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, FrivilligDbContext db)
{
    public const string PlatformAdminClaim = "frivillig:platform_admin";
    public const string DisplayNameClaim = "frivillig:display_name";

    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? Id => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string RequiredId => Id ?? throw new InvalidOperationException("This operation needs a signed-in user.");

    public bool IsPlatformAdmin => Principal.HasClaim(PlatformAdminClaim, "true");

    public string DisplayName => Principal.FindFirstValue(DisplayNameClaim) ?? Principal.Identity?.Name ?? string.Empty;

    private Municipality? _lookIn;

    /// <summary>
    /// The municipality roles are looked up in: the request's own, or, on pages outside any municipality
    /// (Min side, the account pages), the one the header shows (<see cref="LookIn"/>).
    /// </summary>
    private int? MunicipalityId => db.Tenant.MunicipalityId ?? _lookIn?.Id;

    /// <summary>For the header on pages outside a municipality: answer role questions for this one.</summary>
    public void LookIn(Municipality municipality) => _lookIn ??= municipality;

    public async Task<bool> HasMunicipalityRoleAsync(MunicipalityRole role, CancellationToken cancellationToken = default)
    {
        if (Id is not { } id || MunicipalityId is not { } municipalityId)
        {
            return false;
        }

        // The municipality is named in the query, so lifting the request's filter reads no other one's rows.
        return await db.MunicipalityRoles.IgnoreQueryFilters().AnyAsync(r => r.MunicipalityId == municipalityId && r.UserId == id && r.Role == role, cancellationToken);
    }

    /// <summary>Coordinator or admin in at least one organisation of the municipality.</summary>
    public async Task<bool> CoordinatesAnyAsync(CancellationToken cancellationToken = default)
    {
        if (Id is not { } id || MunicipalityId is not { } municipalityId)
        {
            return false;
        }

        return await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.MunicipalityId == municipalityId && m.UserId == id
            && (m.Role == OrganisationRole.Coordinator || m.Role == OrganisationRole.Admin), cancellationToken);
    }

    public Task<bool> IsMunicipalityAdminAsync(CancellationToken cancellationToken = default) =>
        HasMunicipalityRoleAsync(MunicipalityRole.Admin, cancellationToken);

    /// <summary>The user's role in an organisation of this municipality, or null when none (or not this municipality's).</summary>
    public async Task<OrganisationRole?> RoleInAsync(int organisationId, CancellationToken cancellationToken = default)
    {
        if (Id is not { } id)
        {
            return null;
        }

        return await db.Memberships
            .Where(m => m.OrganisationId == organisationId && m.UserId == id)
            .Select(m => (OrganisationRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>Adds the claims the UI needs so every page does not have to look them up.</summary>
public sealed class FrivilligClaimsFactory(
    Microsoft.AspNetCore.Identity.UserManager<AppUser> users,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> options)
    : Microsoft.AspNetCore.Identity.UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(CurrentUser.PlatformAdminClaim, "true"));
        }

        return identity;
    }
}
