using Frivillig.Model.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Activities;

public enum ActivityStatus
{
    Draft,
    Published,
    Cancelled,
}

/// <summary>
/// An activity, once or as a series. The first date is stored as UTC instants; the series is
/// expanded in the municipality's local time (see <see cref="Recurrence"/>), so 18:00 stays 18:00
/// across daylight saving. UID = the id; <see cref="Sequence"/> grows with every change, and
/// <see cref="SeriesEndsAt"/> follows every change of dates; both only through the methods here.
/// Changes residents can see raise events (<see cref="ActivityEvent"/>); drafts raise none.
/// </summary>
public sealed class Activity : EventSource, ITenantOwned
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 8000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; set; }
    public int DistrictId { get; private set; }
    public District? District { get; set; }

    public string Title { get; private set; } = string.Empty;
    public string? Summary { get; private set; }

    /// <summary>Markdown; rendered with raw HTML disabled and unsafe links removed.</summary>
    public string? Description { get; private set; }

    public string CategorySlug { get; private set; } = string.Empty;

    /// <summary>Slugs wrapped in commas (",eldre,alle,") so one LIKE finds a group.</summary>
    public string TargetGroups { get; private set; } = ",";

    public string Accessibility { get; private set; } = ",";
    public string? Languages { get; private set; }
    public string Place { get; private set; } = string.Empty;

    /// <summary>The place's street address, when the organiser gives one; a booked municipal room brings its own.</summary>
    public string? StreetAddress { get; private set; }
    public string? PostalCode { get; private set; }
    public string? City { get; private set; }
    public string? Contact { get; private set; }

    public int? PictureId { get; private set; }

    /// <summary>Required with a picture: what it shows, for those who cannot see it.</summary>
    public string? PictureAlt { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public RecurrenceFrequency Frequency { get; private set; }

    /// <summary>Last local date a series may fall on, inclusive.</summary>
    public DateOnly? Until { get; private set; }

    public int? Count { get; private set; }

    /// <summary>End of the series' last date; null for a series without end. Kept for the window query.</summary>
    public DateTimeOffset? SeriesEndsAt { get; private set; }

    public bool IsDropIn { get; private set; }
    public int? Capacity { get; private set; }

    /// <summary>Null is free.</summary>
    public decimal? PriceNok { get; private set; }

    public bool RusfriDeclared { get; private set; }
    public ActivityStatus Status { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public List<DateChange> DateChanges { get; set; } = [];

    public bool TakesSignUps => !IsDropIn;

    public bool IsPublic => Status != ActivityStatus.Draft;

    /// <summary>A published activity is cancelled first, so those who planned to come are told.</summary>
    public bool CanBeDeleted => Status != ActivityStatus.Published;

    public IEnumerable<string> TargetGroupSlugs => TargetGroups.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<string> AccessibilitySlugs => Accessibility.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public PostalAddress? Address => PostalAddress.From(StreetAddress, PostalCode, City);

    public RecurrenceRule Rule => new(Frequency, Until, Count);

    public Series Series => new(StartsAt, EndsAt, Rule);

    public IEnumerable<DateOverride> Overrides => DateChanges.Select(c => c.AsOverride());

    /// <summary>The description as it is, to edit from (<c>activity.Details with { Place = ... }</c>).</summary>
    public ActivityDetails Details => new(Title, Summary, Description, CategorySlug, [.. TargetGroupSlugs], [.. AccessibilitySlugs], Languages, Place, Contact,
        IsDropIn, Capacity, PriceNok, RusfriDeclared, Address);

    public static string JoinSlugs(IEnumerable<string> slugs) => "," + string.Join(',', slugs.Distinct(StringComparer.Ordinal)) + ",";

    /// <summary>A new activity, as a draft of the organisation.</summary>
    public static Activity Draft(int organisationId, int districtId, ActivityDetails details, Series series, TimeZoneInfo zone, DateTimeOffset now)
    {
        // SEQUENCE starts when the activity is published: a draft's edits are nobody's calendar's business.
        var activity = new Activity { OrganisationId = organisationId, Status = ActivityStatus.Draft, CreatedAt = now, UpdatedAt = now };
        activity.Apply(districtId, details, series, zone);
        return activity;
    }

    /// <summary>New details and dates. Tells whether the time or the place changed, which those signed up must hear.</summary>
    public ActivityEdit Edit(int districtId, ActivityDetails details, Series series, TimeZoneInfo zone, DateTimeOffset now)
    {
        var before = (StartsAt, EndsAt, Place, StreetAddress);
        Apply(districtId, details, series, zone);
        Touch(now);
        if (IsPublic)
        {
            Raise(new ActivityUpdated(this));
        }

        return new ActivityEdit(before.StartsAt, before != (StartsAt, EndsAt, Place, StreetAddress));
    }

    /// <summary>Drafts become public here, and only when the organisation has declared the activity rusfri.</summary>
    public void Publish(DateTimeOffset now)
    {
        if (Status != ActivityStatus.Draft)
        {
            return;
        }

        if (!RusfriDeclared)
        {
            throw new InvalidOperationException("An activity is published only when it is declared rusfri.");
        }

        Status = ActivityStatus.Published;
        Touch(now);
        Raise(new ActivityPublished(this));
    }

    /// <summary>A picture with its text alternative, or none (both null). A picture without a text alternative is refused.</summary>
    public void SetPicture(int? pictureId, string? alt, DateTimeOffset now)
    {
        if (pictureId is not null && string.IsNullOrWhiteSpace(alt))
        {
            throw new ArgumentException("A picture needs a text alternative.", nameof(alt));
        }

        PictureId = pictureId;
        PictureAlt = pictureId is null ? null : alt!.Trim();
        Touch(now);
        if (IsPublic)
        {
            Raise(new ActivityUpdated(this));
        }
    }

    /// <summary>Cancelled, not removed: it stays in calendars and feeds, marked cancelled.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status == ActivityStatus.Cancelled)
        {
            return;
        }

        var wasPublic = IsPublic;
        Status = ActivityStatus.Cancelled;
        Touch(now);
        if (wasPublic)
        {
            Raise(new ActivityCancelled(this));
        }
    }

    /// <summary>Call before removing the row: refuses a published activity, and tells calendars of a public one.</summary>
    public void Delete()
    {
        if (!CanBeDeleted)
        {
            throw new InvalidOperationException("A published activity is cancelled before it is deleted.");
        }

        if (IsPublic)
        {
            Raise(new ActivityDeleted(this));
        }
    }

    public void CancelDate(DateTimeOffset originalStart, string? note, TimeZoneInfo zone, DateTimeOffset now)
    {
        var change = ChangeFor(originalStart, zone);
        change.Cancelled = true;
        change.NewStart = null;
        change.NewEnd = null;
        change.Note = note;
        DatesChanged(zone, now, new DateCancelled(this, originalStart));
    }

    public void MoveDate(DateTimeOffset originalStart, DateTimeOffset newStart, DateTimeOffset newEnd, string? note, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (newEnd <= newStart)
        {
            throw new ArgumentException("A date ends after it starts.", nameof(newEnd));
        }

        var change = ChangeFor(originalStart, zone);
        change.Cancelled = false;
        change.NewStart = newStart;
        change.NewEnd = newEnd;
        change.Note = note;
        DatesChanged(zone, now, new DateMoved(this, originalStart, newStart));
    }

    /// <summary>A cancelled or moved date back as planned.</summary>
    public void RestoreDate(DateTimeOffset originalStart, TimeZoneInfo zone, DateTimeOffset now)
    {
        var change = DateChanges.SingleOrDefault(c => c.OriginalStart == originalStart)
            ?? throw new ArgumentException("That date has not been changed.", nameof(originalStart));
        DateChanges.Remove(change);
        DatesChanged(zone, now, new DateRestored(this, originalStart));
    }

    public IEnumerable<Occurrence> Occurrences(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to) => Recurrence.Expand(Series, Overrides, zone, from, to);

    /// <summary>One date by its original start, as it is now; null when the series has no such date.</summary>
    public Occurrence? Find(TimeZoneInfo zone, DateTimeOffset originalStart) => Recurrence.Find(Series, Overrides, zone, originalStart);

    public bool IsOccurrence(TimeZoneInfo zone, DateTimeOffset originalStart) => Recurrence.IsOccurrence(Series, zone, originalStart);

    private DateChange ChangeFor(DateTimeOffset originalStart, TimeZoneInfo zone)
    {
        if (!IsOccurrence(zone, originalStart))
        {
            throw new ArgumentException("The series has no such date.", nameof(originalStart));
        }

        var change = DateChanges.SingleOrDefault(c => c.OriginalStart == originalStart);
        if (change is null)
        {
            change = new DateChange { MunicipalityId = MunicipalityId, OriginalStart = originalStart };
            DateChanges.Add(change);
        }

        return change;
    }

    private void DatesChanged(TimeZoneInfo zone, DateTimeOffset now, ActivityEvent domainEvent)
    {
        SeriesEndsAt = Recurrence.SeriesEnd(Series, Overrides, zone);
        Touch(now);
        if (IsPublic)
        {
            Raise(domainEvent);
        }
    }

    private void Apply(int districtId, ActivityDetails d, Series series, TimeZoneInfo zone)
    {
        DistrictId = districtId;
        Title = d.Title;
        Summary = d.Summary;
        Description = d.Description;
        CategorySlug = d.CategorySlug;
        TargetGroups = JoinSlugs(d.TargetGroups);
        Accessibility = JoinSlugs(d.Accessibility);
        Languages = d.Languages;
        Place = d.Place;
        StreetAddress = d.Address?.Street;
        PostalCode = d.Address?.PostalCode;
        City = d.Address?.City;
        Contact = d.Contact;
        IsDropIn = d.IsDropIn;
        Capacity = d.Capacity;
        PriceNok = d.PriceNok is 0 ? null : d.PriceNok;
        // Once declared rusfri, an activity stays declared: the declaration is what was published.
        RusfriDeclared = d.Rusfri || RusfriDeclared;
        StartsAt = series.Start;
        EndsAt = series.End;
        Frequency = series.Rule.Frequency;
        Until = series.Rule.Repeats ? series.Rule.Until : null;
        Count = series.Rule.Repeats ? series.Rule.Count : null;
        SeriesEndsAt = Recurrence.SeriesEnd(Series, Overrides, zone);
    }

    /// <summary>SEQUENCE counts the versions calendars have seen; a draft's edits are not among them.</summary>
    private void Touch(DateTimeOffset now)
    {
        if (IsPublic)
        {
            Sequence++;
        }

        UpdatedAt = now;
    }
}

/// <summary>What an organiser says about an activity, apart from its dates.</summary>
public sealed record ActivityDetails(string Title, string? Summary, string? Description, string CategorySlug, IReadOnlyCollection<string> TargetGroups,
    IReadOnlyCollection<string> Accessibility, string? Languages, string Place, string? Contact, bool IsDropIn, int? Capacity, decimal? PriceNok, bool Rusfri,
    PostalAddress? Address = null);

/// <summary>The outcome of an edit: the first date before it, and whether the time or the place changed.</summary>
public sealed record ActivityEdit(DateTimeOffset PreviousStart, bool TimeOrPlaceChanged);

/// <summary>One date of a series cancelled or moved; identified by its original start (RECURRENCE-ID).</summary>
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

    public DateOverride AsOverride() => new(OriginalStart, Cancelled, NewStart, NewEnd, Note);
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
        builder.Property(a => a.StreetAddress).HasMaxLength(PostalAddress.StreetMaxLength);
        builder.Property(a => a.PostalCode).HasMaxLength(4);
        builder.Property(a => a.City).HasMaxLength(PostalAddress.CityMaxLength);
        builder.Property(a => a.PictureAlt).HasMaxLength(300);
        builder.HasOne<Picture>().WithMany().HasForeignKey(a => new { a.MunicipalityId, a.PictureId })
            .HasPrincipalKey(p => new { p.MunicipalityId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PriceNok).HasPrecision(10, 2);
        builder.Property(a => a.Sequence).IsConcurrencyToken();
        builder.Ignore(a => a.PendingEvents);
        // References carry the municipality, so an activity can only point at its own municipality's rows.
        builder.HasAlternateKey(a => new { a.MunicipalityId, a.Id });
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => new { a.MunicipalityId, a.OrganisationId })
            .HasPrincipalKey(o => new { o.MunicipalityId, o.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.District).WithMany().HasForeignKey(a => new { a.MunicipalityId, a.DistrictId })
            .HasPrincipalKey(d => new { d.MunicipalityId, d.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.DateChanges).WithOne().HasForeignKey(e => new { e.MunicipalityId, e.ActivityId })
            .HasPrincipalKey(a => new { a.MunicipalityId, a.Id }).OnDelete(DeleteBehavior.Cascade);

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
