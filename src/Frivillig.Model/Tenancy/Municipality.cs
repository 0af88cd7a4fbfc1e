using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Tenancy;

/// <summary>The tenant. Everything else a municipality runs hangs off it.</summary>
public sealed class Municipality
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string TimeZoneId { get; set; } = "Europe/Oslo";
    public string? Description { get; set; }

    /// <summary>Where residents reach the municipality about this service: the footer, the accessibility statement, the privacy page.</summary>
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactAddress { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<District> Districts { get; set; } = [];
}

public enum DistrictKind
{
    Bydel,
    Distriktssenter,
}

public sealed class District : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public DistrictKind Kind { get; set; }

    /// <summary>The district's own meeting place or service office, printed on its notice-board calendar.</summary>
    public string? Address { get; set; }

    /// <summary>Where residents without internet sign up by phone.</summary>
    public string? Phone { get; set; }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Slug).HasMaxLength(60);
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(120);
        builder.Property(m => m.TimeZoneId).HasMaxLength(64);
        builder.Property(m => m.Description).HasMaxLength(2000);
        builder.Property(m => m.ContactEmail).HasMaxLength(254);
        builder.Property(m => m.ContactPhone).HasMaxLength(30);
        builder.Property(m => m.ContactAddress).HasMaxLength(200);
        builder.HasMany(m => m.Districts).WithOne().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.Property(d => d.Slug).HasMaxLength(60);
        builder.Property(d => d.Name).HasMaxLength(120);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Address).HasMaxLength(200);
        builder.Property(d => d.Phone).HasMaxLength(30);
        builder.HasIndex(d => new { d.MunicipalityId, d.Slug }).IsUnique();
        builder.HasAlternateKey(d => new { d.MunicipalityId, d.Id });
    }
}
