using Frivillig.Model.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Activities;

public enum SignUpStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

/// <summary>Who signs up: no account, a name and an e-mail address or a phone number.</summary>
public sealed record SignUpPerson(string Name, string? Email, string? Phone);

/// <summary>
/// A resident's place on one date (<see cref="OccurrenceStart"/>) or on the whole series (null),
/// confirmed or on the waitlist, with a secret link to cancel. Its state changes only through the
/// methods here, each raising the event live pages and counts follow; <see cref="Places"/> decides
/// whether there is room.
/// </summary>
public sealed class SignUp : EventSource, ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ActivityId { get; private set; }
    public Activity? Activity { get; set; }
    public DateTimeOffset? OccurrenceStart { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public SignUpStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PromotedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string TokenHash { get; private set; } = string.Empty;

    /// <summary>SEQUENCE of the invitation in the person's own calendar (UID signup-{Id}); grows with each update sent.</summary>
    public int CalendarSequence { get; private set; }

    public string CalendarUid => $"signup-{Id}@frivillig";

    /// <summary>
    /// For a whole-series sign-up: the dates that were full, where the person waits while holding a
    /// place on every other date. Empty for a sign-up for one date.
    /// </summary>
    public List<WaitlistedDate> WaitlistedDates { get; set; } = [];

    public bool HasPlace => Status == SignUpStatus.Confirmed;

    public bool IsSeries => OccurrenceStart is null;

    /// <summary>Holds a place on this date: for one date, when confirmed; for a series, unless waiting for it.</summary>
    public bool HasPlaceOn(DateTimeOffset date) =>
        Status == SignUpStatus.Confirmed && (OccurrenceStart == date || (OccurrenceStart is null && WaitlistedDates.All(w => w.OccurrenceStart != date)));

    /// <summary>A place when there is room, else a place on the waitlist.</summary>
    public static SignUp Take(Activity activity, DateTimeOffset? occurrenceStart, SignUpPerson person, bool room, string tokenHash, DateTimeOffset now)
    {
        var signUp = new SignUp
        {
            // The key only: the caller may hold the activity untracked, and the graph must not be re-added.
            MunicipalityId = activity.MunicipalityId,
            ActivityId = activity.Id,
            OccurrenceStart = occurrenceStart,
            Name = person.Name,
            Email = person.Email,
            Phone = person.Phone,
            Status = room ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted,
            CreatedAt = now,
            TokenHash = tokenHash,
        };
        signUp.Raise(room ? new SignUpConfirmed(signUp) : new SignUpWaitlisted(signUp));
        return signUp;
    }

    /// <summary>
    /// The whole series: a place on each coming date with room, and the waitlist only for the full ones
    /// (<paramref name="fullDates"/>). Nobody is kept off the dates that have room because one date is full.
    /// </summary>
    public static SignUp TakeSeries(Activity activity, SignUpPerson person, IReadOnlyCollection<DateTimeOffset> fullDates, string tokenHash, DateTimeOffset now)
    {
        var signUp = Take(activity, null, person, room: true, tokenHash, now);
        signUp.WaitlistedDates.AddRange(fullDates.Distinct().Order().Select(d => new WaitlistedDate { MunicipalityId = activity.MunicipalityId, OccurrenceStart = d }));
        return signUp;
    }

    /// <summary>A place on one of the series' full dates, when one frees there.</summary>
    public void PromoteOn(DateTimeOffset date, DateTimeOffset now)
    {
        var waiting = WaitlistedDates.SingleOrDefault(w => w.OccurrenceStart == date)
            ?? throw new InvalidOperationException("The sign-up is not waiting for that date.");
        WaitlistedDates.Remove(waiting);
        PromotedAt = now;
        Raise(new SignUpPromoted(this, date));
    }

    /// <summary>
    /// The organiser moves a one-date sign-up to another date of the activity: a place there when
    /// <paramref name="room"/>, else its waitlist.
    /// </summary>
    public void MoveTo(DateTimeOffset date, bool room, DateTimeOffset now)
    {
        var from = OccurrenceStart ?? throw new InvalidOperationException("A whole-series sign-up is not moved to one date.");
        if (Status == SignUpStatus.Cancelled)
        {
            throw new InvalidOperationException("A cancelled sign-up is not moved.");
        }

        if (from == date)
        {
            return;
        }

        var hadPlace = HasPlace;
        OccurrenceStart = date;
        Status = room ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted;
        PromotedAt = room && !hadPlace ? now : PromotedAt;
        Raise(new SignUpMoved(this, from, hadPlace));
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Status == SignUpStatus.Cancelled)
        {
            return;
        }

        var hadPlace = HasPlace;
        Status = SignUpStatus.Cancelled;
        CancelledAt = now;
        Raise(new SignUpCancelled(this, hadPlace));
    }

    /// <summary>From the waitlist to a place, when one frees.</summary>
    public void Promote(DateTimeOffset now)
    {
        if (Status != SignUpStatus.Waitlisted)
        {
            throw new InvalidOperationException("Only a sign-up on the waitlist can be promoted.");
        }

        Status = SignUpStatus.Confirmed;
        PromotedAt = now;
        Raise(new SignUpPromoted(this));
    }

    /// <summary>The same date at the series' new time of day.</summary>
    public void FollowDate(DateTimeOffset newStart)
    {
        var from = OccurrenceStart ?? throw new InvalidOperationException("A whole-series sign-up has no date of its own.");
        OccurrenceStart = newStart;
        Raise(new SignUpMoved(this, from, HasPlace));
    }

    /// <summary>The SEQUENCE for the next update of the invitation in the person's calendar (the first is 0).</summary>
    public int NextCalendarSequence() => ++CalendarSequence;
}

internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> builder)
    {
        builder.Ignore(s => s.PendingEvents);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Phone).HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => new { s.ActivityId, s.OccurrenceStart, s.Status });
        builder.HasOne(s => s.Activity).WithMany().HasForeignKey(s => new { s.MunicipalityId, s.ActivityId })
            .HasPrincipalKey(a => new { a.MunicipalityId, a.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasAlternateKey(s => new { s.MunicipalityId, s.Id });
        builder.HasMany(s => s.WaitlistedDates).WithOne().HasForeignKey(w => new { w.MunicipalityId, w.SignUpId })
            .HasPrincipalKey(s => new { s.MunicipalityId, s.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One full date a whole-series sign-up waits for.</summary>
public sealed class WaitlistedDate : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SignUpId { get; set; }
    public DateTimeOffset OccurrenceStart { get; set; }
}

internal sealed class WaitlistedDateConfiguration : IEntityTypeConfiguration<WaitlistedDate>
{
    public void Configure(EntityTypeBuilder<WaitlistedDate> builder) => builder.HasIndex(w => new { w.SignUpId, w.OccurrenceStart }).IsUnique();
}
