using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Web.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Slug).HasMaxLength(60);
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(120);
        builder.Property(m => m.TimeZoneId).HasMaxLength(64);
        builder.Property(m => m.Description).HasMaxLength(2000);
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
        builder.HasIndex(d => new { d.MunicipalityId, d.Slug }).IsUnique();
    }
}
