using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Frivillig.Web.Features.Accounts;

/// <summary>A person. Not tenant-owned: one volunteer can serve in several municipalities.</summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = string.Empty;
    public bool IsPlatformAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>SHA-256 of the secret in the person's own feed address; a new one revokes the old.</summary>
    public string? CalendarTokenHash { get; set; }
}

public enum MunicipalityRole
{
    Admin,
    PremisesManager,
}

/// <summary>Staff roles are held per municipality, so an admin in Tromsø is nobody in Lunner.</summary>
public sealed class MunicipalityRoleAssignment : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string UserId { get; set; }
    public MunicipalityRole Role { get; set; }
}
