using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Web.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Activity.TitleMaxLength);
        builder.Property(a => a.Summary).HasMaxLength(Activity.SummaryMaxLength);
        builder.Property(a => a.Description).HasMaxLength(Activity.DescriptionMaxLength);
        builder.Property(a => a.CategorySlug).HasMaxLength(40);
        builder.Property(a => a.TargetGroups).HasMaxLength(400);
        builder.Property(a => a.Accessibility).HasMaxLength(400);
        builder.Property(a => a.Languages).HasMaxLength(200);
        builder.Property(a => a.Place).HasMaxLength(200);
        builder.Property(a => a.Contact).HasMaxLength(200);
        builder.Property(a => a.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PriceNok).HasPrecision(10, 2);
        builder.Property(a => a.Sequence).IsConcurrencyToken();
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.District).WithMany().HasForeignKey(a => a.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.DateChanges).WithOne().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);

        // The week query: published or cancelled activities of a municipality overlapping a window.
        builder.HasIndex(a => new { a.MunicipalityId, a.Status, a.StartsAt, a.SeriesEndsAt });
        builder.HasIndex(a => a.OrganisationId);
    }
}

internal sealed class DateChangeConfiguration : IEntityTypeConfiguration<DateChange>
{
    public void Configure(EntityTypeBuilder<DateChange> builder)
    {
        builder.HasIndex(e => new { e.ActivityId, e.OriginalStart }).IsUnique();
        builder.Property(e => e.Note).HasMaxLength(300);
    }
}

internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Phone).HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => new { s.ActivityId, s.OccurrenceStart, s.Status });
        builder.HasOne(s => s.Activity).WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}
