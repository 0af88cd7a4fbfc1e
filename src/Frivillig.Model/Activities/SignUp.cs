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

    public bool HasPlace => Status == SignUpStatus.Confirmed;

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
        Raise(new SignUpMoved(this, from));
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
    }
}
