using Frivillig.Model.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Volunteering;

/// <summary>
/// One shift (vakt) of a role: a time, a place and a number of places. A recurring plan is made of
/// one shift per date of a <see cref="Series"/> (the activities' recurrence, expanded in local time),
/// sharing a <see cref="SeriesKey"/>. The briefing has two levels: what may be shared with the
/// volunteer, and what is for staff only, which no volunteer ever sees.
/// </summary>
public sealed class Shift : EventSource, ITenantOwned
{
    public const int BriefingMaxLength = 4000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int RoleId { get; private set; }
    public VolunteerRole? Role { get; set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int Places { get; private set; }
    public string Place { get; private set; } = string.Empty;
    public string? SeriesKey { get; private set; }
    public bool Cancelled { get; private set; }

    /// <summary>Shown at the place; a volunteer types it on their phone to check in.</summary>
    public string CheckInCode { get; private set; } = string.Empty;

    /// <summary>"Kan deles med frivillig".</summary>
    public string? BriefingShared { get; private set; }

    /// <summary>"Kun for ansatte": never in a volunteer's page, API, feed, mail or live message.</summary>
    public string? BriefingStaffOnly { get; private set; }
    public DateTimeOffset? BriefingUpdatedAt { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public TimeSpan Duration => EndsAt - StartsAt;

    public static IReadOnlyList<Shift> Plan(VolunteerRole role, Series series, int places, string place, TimeZoneInfo zone, Func<string> newCode, DateTimeOffset now, int maxShifts = 52)
    {
        if (places is < 1 or > 500)
        {
            throw new ArgumentOutOfRangeException(nameof(places), "A shift has between 1 and 500 places.");
        }

        if (series.End <= series.Start || series.Duration > TimeSpan.FromHours(24))
        {
            throw new ArgumentException("A shift ends after it starts, within a day.");
        }

        var key = series.Rule.Repeats ? Guid.NewGuid().ToString("N") : null;
        var to = series.Rule.Repeats ? (series.Rule.Until is { } until ? MunicipalClock.ToUtc(until.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : series.Start.AddYears(1)) : series.Start.AddTicks(1);
        var shifts = Recurrence.Starts(series, zone, series.Start, to).Take(maxShifts).Select(start => new Shift
        {
            MunicipalityId = role.MunicipalityId, RoleId = role.Id, StartsAt = start, EndsAt = start + series.Duration, Places = places, Place = place.Trim(),
            SeriesKey = key, CheckInCode = newCode(), UpdatedAt = now,
        }).ToList();
        foreach (var shift in shifts)
        {
            shift.Raise(new ShiftChanged(shift));
        }

        return shifts;
    }

    public void WriteBriefing(string? shared, string? staffOnly, DateTimeOffset now)
    {
        BriefingShared = string.IsNullOrWhiteSpace(shared) ? null : shared.Trim();
        BriefingStaffOnly = string.IsNullOrWhiteSpace(staffOnly) ? null : staffOnly.Trim();
        BriefingUpdatedAt = now;
        UpdatedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Cancelled)
        {
            return;
        }

        Cancelled = true;
        Sequence++;
        UpdatedAt = now;
        Raise(new ShiftChanged(this));
    }
}

public enum ShiftSignUpStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

/// <summary>
/// A volunteer on a shift: a place or the waitlist, a "cannot come", the check-in and the hours the
/// coordinator approves. When the person deletes their account the row stays without them, so the
/// hours remain as anonymous counts.
/// </summary>
public sealed class ShiftSignUp : EventSource, ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ShiftId { get; private set; }
    public Shift? Shift { get; set; }
    public string? UserId { get; private set; }
    public ShiftSignUpStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PromotedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? ReminderSentAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public string? CheckedInBy { get; private set; }
    public decimal? Hours { get; private set; }
    public DateTimeOffset? HoursApprovedAt { get; private set; }
    public string? HoursApprovedBy { get; private set; }
    public int CalendarSequence { get; private set; }

    public bool HasPlace => Status == ShiftSignUpStatus.Confirmed;

    public static ShiftSignUp Take(Shift shift, string userId, bool room, DateTimeOffset now)
    {
        if (shift.Cancelled)
        {
            throw new InvalidOperationException("A cancelled shift takes nobody.");
        }

        var signUp = new ShiftSignUp
        {
            MunicipalityId = shift.MunicipalityId, ShiftId = shift.Id, UserId = userId, CreatedAt = now,
            Status = room ? ShiftSignUpStatus.Confirmed : ShiftSignUpStatus.Waitlisted,
        };
        signUp.Raise(new ShiftSignUpChanged(signUp));
        return signUp;
    }

    /// <summary>"Kan ikke komme": the place frees, and reminders stop.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status == ShiftSignUpStatus.Cancelled)
        {
            return;
        }

        Status = ShiftSignUpStatus.Cancelled;
        CancelledAt = now;
        CalendarSequence++;
        Raise(new ShiftSignUpChanged(this));
    }

    public void Promote(DateTimeOffset now)
    {
        if (Status != ShiftSignUpStatus.Waitlisted)
        {
            throw new InvalidOperationException("Only one on the waitlist is promoted.");
        }

        Status = ShiftSignUpStatus.Confirmed;
        PromotedAt = now;
        Raise(new ShiftSignUpChanged(this));
    }

    public void Reminded(DateTimeOffset now) => ReminderSentAt = now;

    /// <summary>Checked in at the place; the hours start as the shift's length, for the coordinator to approve or correct.</summary>
    public void CheckIn(string by, TimeSpan shiftLength, DateTimeOffset now)
    {
        if (Status != ShiftSignUpStatus.Confirmed)
        {
            throw new InvalidOperationException("Only a volunteer with a place checks in.");
        }

        CheckedInAt ??= now;
        CheckedInBy ??= by;
        Hours ??= Math.Round((decimal)shiftLength.TotalHours, 2);
    }

    public void ApproveHours(decimal hours, string by, DateTimeOffset now)
    {
        if (CheckedInAt is null)
        {
            throw new InvalidOperationException("Hours are approved for a volunteer who checked in.");
        }

        if (hours is <= 0 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), "Between 0 and 24 hours.");
        }

        Hours = Math.Round(hours, 2);
        HoursApprovedAt = now;
        HoursApprovedBy = by;
    }

    /// <summary>The person deleted their account: the hours stay, as a count without a name.</summary>
    public void Anonymise()
    {
        UserId = null;
        CheckedInBy = null;
        HoursApprovedBy = null;
    }
}

/// <summary>A shift planned, changed or cancelled.</summary>
public sealed record ShiftChanged(Shift Shift) : IDomainEvent;

/// <summary>Someone took, left or was promoted on a shift: places changed.</summary>
public sealed record ShiftSignUpChanged(ShiftSignUp SignUp) : IDomainEvent;

/// <summary>Every time a volunteer is shown a shift's briefing, it is recorded here.</summary>
public sealed class BriefingView : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ShiftId { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset ViewedAt { get; set; }
}

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> builder)
    {
        builder.Ignore(s => s.PendingEvents);
        builder.Property(s => s.Place).HasMaxLength(200);
        builder.Property(s => s.SeriesKey).HasMaxLength(32);
        builder.Property(s => s.CheckInCode).HasMaxLength(12);
        builder.Property(s => s.BriefingShared).HasMaxLength(Shift.BriefingMaxLength);
        builder.Property(s => s.BriefingStaffOnly).HasMaxLength(Shift.BriefingMaxLength);
        builder.HasAlternateKey(s => new { s.MunicipalityId, s.Id });
        builder.HasIndex(s => new { s.RoleId, s.StartsAt });
        builder.HasOne(s => s.Role).WithMany().HasForeignKey(s => new { s.MunicipalityId, s.RoleId })
            .HasPrincipalKey(r => new { r.MunicipalityId, r.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShiftSignUpConfiguration : IEntityTypeConfiguration<ShiftSignUp>
{
    public void Configure(EntityTypeBuilder<ShiftSignUp> builder)
    {
        builder.Ignore(s => s.PendingEvents);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.CheckedInBy).HasMaxLength(450);
        builder.Property(s => s.HoursApprovedBy).HasMaxLength(450);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Hours).HasPrecision(5, 2);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.Shift).WithMany().HasForeignKey(s => new { s.MunicipalityId, s.ShiftId })
            .HasPrincipalKey(s => new { s.MunicipalityId, s.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ShiftId, s.Status });
        builder.HasIndex(s => s.UserId);
    }
}

internal sealed class BriefingViewConfiguration : IEntityTypeConfiguration<BriefingView>
{
    public void Configure(EntityTypeBuilder<BriefingView> builder)
    {
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Shift>().WithMany().HasForeignKey(v => new { v.MunicipalityId, v.ShiftId })
            .HasPrincipalKey(s => new { s.MunicipalityId, s.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.ShiftId);
    }
}
