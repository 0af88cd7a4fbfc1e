using Microsoft.EntityFrameworkCore.Metadata.Builders;


namespace Frivillig.Model.Activities;

public enum ActivityStatus
{
    Draft,
    Published,
    Cancelled,
}

public enum RecurrenceFrequency
{
    None,
    Weekly,
    EveryOtherWeek,
    MonthlyByWeekday,
}

/// <summary>
/// An activity, once or as a series. The first occurrence is stored as UTC instants; the series is
/// expanded in the municipality's local time (see <see cref="Recurrence"/>), so 18:00 stays 18:00
/// across daylight saving. UID = the id; <see cref="Sequence"/> grows with every change.
/// </summary>
public sealed class Activity : ITenantOwned
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 8000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int DistrictId { get; set; }
    public District? District { get; set; }

    public required string Title { get; set; }
    public string? Summary { get; set; }

    /// <summary>Markdown; rendered with raw HTML disabled and unsafe links removed.</summary>
    public string? Description { get; set; }

    public required string CategorySlug { get; set; }

    /// <summary>Slugs wrapped in commas (",eldre,alle,") so one LIKE finds a group.</summary>
    public string TargetGroups { get; set; } = ",";

    public string Accessibility { get; set; } = ",";
    public string? Languages { get; set; }
    public required string Place { get; set; }
    public string? Contact { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public RecurrenceFrequency Frequency { get; set; }

    /// <summary>Last local date a series may fall on, inclusive.</summary>
    public DateOnly? Until { get; set; }

    public int? Count { get; set; }

    /// <summary>End of the series' last occurrence; null for a series without end. Kept for the window query.</summary>
    public DateTimeOffset? SeriesEndsAt { get; set; }

    public bool IsDropIn { get; set; }
    public int? Capacity { get; set; }

    /// <summary>Null is free.</summary>
    public decimal? PriceNok { get; set; }

    public bool RusfriDeclared { get; set; }
    public ActivityStatus Status { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<DateChange> DateChanges { get; set; } = [];

    public bool TakesSignUps => !IsDropIn;

    public IEnumerable<string> TargetGroupSlugs => TargetGroups.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<string> AccessibilitySlugs => Accessibility.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinSlugs(IEnumerable<string> slugs) => "," + string.Join(',', slugs.Distinct(StringComparer.Ordinal)) + ",";

    public void Touch(DateTimeOffset now)
    {
        Sequence++;
        UpdatedAt = now;
    }
}

/// <summary>One date of a series cancelled, moved or changed; identified by its original start (RECURRENCE-ID).</summary>
public sealed class DateChange : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ActivityId { get; set; }
    public DateTimeOffset OriginalStart { get; set; }
    public bool Cancelled { get; set; }
    public DateTimeOffset? NewStart { get; set; }
    public DateTimeOffset? NewEnd { get; set; }
    public string? Note { get; set; }
}

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
