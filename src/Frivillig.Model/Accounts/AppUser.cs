using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.AspNetCore.Identity;

namespace Frivillig.Model.Accounts;

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

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(u => u.CalendarTokenHash).HasMaxLength(64);
        builder.HasIndex(u => u.CalendarTokenHash).IsUnique();
    }
}

internal sealed class MunicipalityRoleAssignmentConfiguration : IEntityTypeConfiguration<MunicipalityRoleAssignment>
{
    public void Configure(EntityTypeBuilder<MunicipalityRoleAssignment> builder)
    {
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MunicipalityId, r.UserId, r.Role }).IsUnique();
    }
}
