using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Premises;

public enum BookingStatus
{
    /// <summary>An application for a fixed weekly time in a season's allocation round; occupies nothing until allocated.</summary>
    Applied,
    Pending,
    Approved,
    Rejected,
    Cancelled,
}

/// <summary>
/// A request for a room by an organisation: one date or a weekly series, each date stored as UTC
/// instants computed from the local time, so a weekly 18:00 stays 18:00 across daylight saving.
/// While pending or approved, every date that is not cancelled holds an <see cref="OccupiedSlot"/> on
/// each unit of the room; the database refuses two overlapping slots of one unit (the guarantee).
/// </summary>
public sealed class Booking : EventSource, ITenantOwned
{
    public const int PurposeMaxLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int RoomId { get; private set; }
    public Room? Room { get; set; }
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; set; }
    public int? ActivityId { get; private set; }
    public int? SeasonId { get; private set; }
    public string RequestedByUserId { get; private set; } = string.Empty;
    public string ContactName { get; private set; } = string.Empty;
    public string ContactEmail { get; private set; } = string.Empty;
    public string Purpose { get; private set; } = string.Empty;
    public bool Weekly { get; private set; }
    public BookingStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset RulesAcceptedAt { get; private set; }
    public string? CaseHandlerUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DecisionNote { get; private set; }
    public List<BookingDate> Dates { get; set; } = [];

    public bool Occupies => Status is BookingStatus.Pending or BookingStatus.Approved;

    public IEnumerable<BookingDate> ActiveDates => Dates.Where(d => !d.Cancelled);

    /// <summary>
    /// A new request. The caller has checked the times against the room's windows and closures, and
    /// that the organisation is approved and the person a member; the rules must be accepted.
    /// </summary>
    public static Booking Request(Room room, Organisation organisation, int? activityId, int? seasonId, string userId, string contactName, string contactEmail,
        string purpose, bool rulesAccepted, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> dates, bool weekly, DateTimeOffset now)
    {
        if (!rulesAccepted)
        {
            throw new InvalidOperationException("A booking needs the room's rules accepted, including that use is rusfri.");
        }

        if (!organisation.CanAct)
        {
            throw new InvalidOperationException("Only an approved organisation books.");
        }

        if (dates.Count == 0 || dates.Any(d => d.End <= d.Start))
        {
            throw new ArgumentException("A booking has at least one date, each ending after it starts.", nameof(dates));
        }

        var booking = new Booking
        {
            MunicipalityId = room.MunicipalityId,
            RoomId = room.Id,
            OrganisationId = organisation.Id,
            Organisation = organisation,
            ActivityId = activityId,
            SeasonId = seasonId,
            RequestedByUserId = userId,
            ContactName = contactName.Trim(),
            ContactEmail = contactEmail.Trim(),
            Purpose = purpose.Trim(),
            Weekly = weekly,
            Status = seasonId is null ? BookingStatus.Pending : BookingStatus.Applied,
            CreatedAt = now,
            RulesAcceptedAt = now,
            Dates = [.. dates.OrderBy(d => d.Start).Select(d => new BookingDate { MunicipalityId = room.MunicipalityId, RoomId = room.Id, StartsAt = d.Start.ToUniversalTime(), EndsAt = d.End.ToUniversalTime() })],
        };
        return booking;
    }

    /// <summary>Holds the room's units on every active date; done while the booking is pending or approved.</summary>
    public void Occupy(IReadOnlyList<int> units)
    {
        foreach (var date in ActiveDates.Where(d => d.Slots.Count == 0))
        {
            date.Slots.AddRange(units.Order().Select(u => new OccupiedSlot
            {
                MunicipalityId = MunicipalityId, Booking = this, UnitRoomId = u, StartsAt = date.StartsAt, EndsAt = date.EndsAt,
            }));
        }
    }

    private void Release(IEnumerable<BookingDate> dates)
    {
        foreach (var date in dates)
        {
            date.Slots.Clear();
        }
    }

    public void TakeAsCaseHandler(string userId) => CaseHandlerUserId = userId;

    /// <summary>Whether there is anyone to mail: a contact whose account was deleted has none.</summary>
    public bool HasContact => ContactEmail.Length > 0;

    /// <summary>
    /// The person behind <paramref name="userId"/> deleted their account: the contact is blanked where it is
    /// theirs (they asked for it, or it is their address), and their id goes. The booking stays the organisation's.
    /// </summary>
    public void ForgetPerson(string userId, string? email)
    {
        if (RequestedByUserId == userId || (email is not null && string.Equals(ContactEmail, email, StringComparison.OrdinalIgnoreCase)))
        {
            ContactName = string.Empty;
            ContactEmail = string.Empty;
        }

        if (RequestedByUserId == userId)
        {
            RequestedByUserId = string.Empty;
        }

        if (CaseHandlerUserId == userId)
        {
            CaseHandlerUserId = null;
        }

        if (DecidedByUserId == userId)
        {
            DecidedByUserId = null;
        }
    }

    /// <summary>Approved by a manager, or at once where the room's rule allows it (<paramref name="decidedBy"/> null).</summary>
    public void Approve(string? decidedBy, DateTimeOffset now)
    {
        if (Status != BookingStatus.Pending)
        {
            throw new InvalidOperationException("Only a pending request is approved.");
        }

        Status = BookingStatus.Approved;
        DecidedAt = now;
        DecidedByUserId = decidedBy;
        Raise(new BookingDecided(this));
    }

    public void Reject(string decidedBy, string reason, DateTimeOffset now)
    {
        if (Status is not (BookingStatus.Pending or BookingStatus.Applied))
        {
            throw new InvalidOperationException("Only a pending request or an application is rejected.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A rejection gives its reason.", nameof(reason));
        }

        Status = BookingStatus.Rejected;
        DecidedAt = now;
        DecidedByUserId = decidedBy;
        DecisionNote = reason.Trim();
        Release(Dates);
        Raise(new BookingDecided(this));
    }

    /// <summary>A season application given its fixed time: approved at once, holding the room on each date.</summary>
    public void Allocate(string decidedBy, IReadOnlyList<int> units, DateTimeOffset now)
    {
        if (Status != BookingStatus.Applied)
        {
            throw new InvalidOperationException("Only an application is allocated.");
        }

        Status = BookingStatus.Approved;
        DecidedAt = now;
        DecidedByUserId = decidedBy;
        Occupy(units);
        Raise(new BookingDecided(this));
    }

    /// <summary>Cancels the dates from <paramref name="from"/> on (all with null): freed at once. Returns the dates cancelled.</summary>
    public IReadOnlyList<BookingDate> CancelFrom(DateTimeOffset? from, DateTimeOffset now)
    {
        var dates = ActiveDates.Where(d => d.StartsAt > now && (from is null || d.StartsAt >= from)).ToList();
        return Cancel(dates, now);
    }

    public IReadOnlyList<BookingDate> CancelDate(int dateId, DateTimeOffset now)
    {
        var date = ActiveDates.SingleOrDefault(d => d.Id == dateId) ?? throw new InvalidOperationException("No such date to cancel.");
        if (date.StartsAt <= now)
        {
            throw new InvalidOperationException("A date that has begun cannot be cancelled.");
        }

        return Cancel([date], now);
    }

    private List<BookingDate> Cancel(List<BookingDate> dates, DateTimeOffset now)
    {
        foreach (var date in dates)
        {
            date.Cancelled = true;
        }

        Release(dates);
        if (!ActiveDates.Any())
        {
            Status = BookingStatus.Cancelled;
        }

        if (dates.Count > 0)
        {
            Raise(new BookingDatesCancelled(this, dates, now));
        }

        return dates;
    }
}

/// <summary>One date of a booking.</summary>
public sealed class BookingDate : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BookingId { get; set; }
    public int RoomId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>When the access instructions for this date went to the contact.</summary>
    public DateTimeOffset? AccessMailedAt { get; set; }

    public List<OccupiedSlot> Slots { get; set; } = [];
}

/// <summary>
/// One date of a pending or approved booking holding one unit of a room (a room without parts is its
/// own unit; the whole gym holds both halves). PostgreSQL refuses two overlapping slots of one unit
/// with an exclusion constraint; on SQLite the check and the insert run in one write-locking transaction.
/// </summary>
public sealed class OccupiedSlot : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int BookingDateId { get; set; }
    public int BookingId { get; set; }
    public Booking? Booking { get; set; }
    public int UnitRoomId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
}

/// <summary>An allocation round: organisations apply for fixed weekly times before the deadline; dates are kept inside the season.</summary>
public sealed class Season : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateTimeOffset ApplicationDeadline { get; set; }

    public bool OpenForApplications(DateTimeOffset now) => now < ApplicationDeadline;
}

public sealed record BookingDecided(Booking Booking) : IDomainEvent;

public sealed record BookingDatesCancelled(Booking Booking, IReadOnlyList<BookingDate> Dates, DateTimeOffset At) : IDomainEvent;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.Ignore(b => b.PendingEvents);
        builder.Ignore(b => b.Occupies);
        builder.Ignore(b => b.ActiveDates);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.RequestedByUserId).HasMaxLength(450);
        builder.Property(b => b.CaseHandlerUserId).HasMaxLength(450);
        builder.Property(b => b.DecidedByUserId).HasMaxLength(450);
        builder.Property(b => b.ContactName).HasMaxLength(100);
        builder.Property(b => b.ContactEmail).HasMaxLength(254);
        builder.Property(b => b.Purpose).HasMaxLength(Booking.PurposeMaxLength);
        builder.Property(b => b.DecisionNote).HasMaxLength(1000);
        builder.HasAlternateKey(b => new { b.MunicipalityId, b.Id });
        builder.HasOne(b => b.Room).WithMany().HasForeignKey(b => new { b.MunicipalityId, b.RoomId })
            .HasPrincipalKey(r => new { r.MunicipalityId, r.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Organisation).WithMany().HasForeignKey(b => new { b.MunicipalityId, b.OrganisationId })
            .HasPrincipalKey(o => new { o.MunicipalityId, o.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Activity>().WithMany().HasForeignKey(b => new { b.MunicipalityId, b.ActivityId })
            .HasPrincipalKey(a => new { a.MunicipalityId, a.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Season>().WithMany().HasForeignKey(b => new { b.MunicipalityId, b.SeasonId })
            .HasPrincipalKey(s => new { s.MunicipalityId, s.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Dates).WithOne().HasForeignKey(d => new { d.MunicipalityId, d.BookingId })
            .HasPrincipalKey(b => new { b.MunicipalityId, b.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.MunicipalityId, b.Status });
        builder.HasIndex(b => b.OrganisationId);
    }
}

internal sealed class BookingDateConfiguration : IEntityTypeConfiguration<BookingDate>
{
    public void Configure(EntityTypeBuilder<BookingDate> builder)
    {
        builder.HasAlternateKey(d => new { d.MunicipalityId, d.Id });
        builder.HasMany(d => d.Slots).WithOne().HasForeignKey(s => new { s.MunicipalityId, s.BookingDateId })
            .HasPrincipalKey(d => new { d.MunicipalityId, d.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.RoomId, d.StartsAt });
        // The access-mail job: dates not yet mailed, by start.
        builder.HasIndex(d => new { d.AccessMailedAt, d.StartsAt });
    }
}

internal sealed class OccupiedSlotConfiguration : IEntityTypeConfiguration<OccupiedSlot>
{
    public void Configure(EntityTypeBuilder<OccupiedSlot> builder)
    {
        builder.HasOne(s => s.Booking).WithMany().HasForeignKey(s => new { s.MunicipalityId, s.BookingId })
            .HasPrincipalKey(b => new { b.MunicipalityId, b.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Room>().WithMany().HasForeignKey(s => new { s.MunicipalityId, s.UnitRoomId })
            .HasPrincipalKey(r => new { r.MunicipalityId, r.Id }).OnDelete(DeleteBehavior.Restrict);
        // Availability and the clash check: a unit's slots by start (a date is at most a day long, so a window query is a range scan).
        builder.HasIndex(s => new { s.UnitRoomId, s.StartsAt, s.EndsAt });
    }
}

internal sealed class SeasonConfiguration : IEntityTypeConfiguration<Season>
{
    public void Configure(EntityTypeBuilder<Season> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(80);
        builder.HasAlternateKey(s => new { s.MunicipalityId, s.Id });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
