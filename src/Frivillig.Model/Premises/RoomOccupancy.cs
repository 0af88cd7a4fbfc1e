namespace Frivillig.Model.Premises;

/// <summary>
/// The guarantee that no two pending or approved bookings of a room, or of a room and its part or
/// whole, overlap. The check and the insert run in one transaction: on SQLite it holds the database's
/// write lock from its first statement (EF begins it IMMEDIATE), so writers take turns; on PostgreSQL
/// writers to one building take turns on its row lock, and should anything write slots past that lock,
/// the exclusion constraint on OccupiedSlots makes the second insert wait for the first commit and
/// fail, after which the clash is read and reported.
/// </summary>
public static class RoomOccupancy
{
    /// <summary>PostgreSQL's exclusion_violation.</summary>
    private const string ExclusionViolation = "23P01";

    /// <summary>Two writers waiting on each other's slots; PostgreSQL rolls one back.</summary>
    private const string DeadlockDetected = "40P01";

    /// <summary>The units a room occupies (<see cref="BookingRules.UnitsOf"/>), from its building's rooms.</summary>
    public static async Task<IReadOnlyList<int>> UnitsOfAsync(FrivilligDbContext db, Room room, CancellationToken ct)
    {
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.BuildingId == room.BuildingId).Select(r => new { r.Id, r.ParentRoomId }).ToListAsync(ct);
        return BookingRules.UnitsOf(room.Id, [.. rooms.Select(r => (r.Id, r.ParentRoomId))]);
    }

    /// <summary>The rooms of the building that share a unit with this one: itself, its parts and the whole it is part of.</summary>
    public static async Task<IReadOnlyList<int>> RelatedRoomsAsync(FrivilligDbContext db, Room room, CancellationToken ct)
    {
        var rooms = (await db.Rooms.AsNoTracking().Where(r => r.BuildingId == room.BuildingId).Select(r => new { r.Id, r.ParentRoomId }).ToListAsync(ct))
            .Select(r => (r.Id, r.ParentRoomId)).ToList();
        var units = BookingRules.UnitsOf(room.Id, rooms);
        return [.. rooms.Where(r => BookingRules.UnitsOf(r.Id, rooms).Intersect(units).Any()).Select(r => r.Id)];
    }

    public static async Task<IReadOnlyList<Clash>> ClashesAsync(FrivilligDbContext db, IReadOnlyList<int> units,
        IReadOnlyCollection<(DateTimeOffset Start, DateTimeOffset End)> dates, int? exceptBookingId, CancellationToken ct)
    {
        if (dates.Count == 0)
        {
            return [];
        }

        var from = dates.Min(d => d.Start) - BookingRules.MaxDuration;
        var to = dates.Max(d => d.End);
        var held = await db.OccupiedSlots.AsNoTracking()
            .Where(s => units.Contains(s.UnitRoomId) && s.StartsAt >= from && s.StartsAt < to && s.BookingId != exceptBookingId)
            .Select(s => new { s.BookingId, s.StartsAt, s.EndsAt })
            .ToListAsync(ct);
        return BookingRules.ClashesOf(dates, held.Select(h => (h.BookingId, h.StartsAt, h.EndsAt)));
    }

    /// <summary>
    /// Saves everything pending on <paramref name="db"/> (the booking, its mail) once the booking's active
    /// dates are known to be free, holding <paramref name="units"/> on each. With a clash nothing is saved,
    /// the pending changes are dropped, and the clashes are returned.
    /// </summary>
    public static async Task<IReadOnlyList<Clash>> SaveHoldingAsync(FrivilligDbContext db, Booking booking, IReadOnlyList<int> units, CancellationToken ct)
    {
        var dates = booking.ActiveDates.Select(d => (d.StartsAt, d.EndsAt)).ToList();
        int? self = booking.Id == 0 ? null : booking.Id;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Writers to one building take turns (PostgreSQL: its row locked until commit), so they meet as a clear clash rather than as
            // a constraint violation or a deadlock between a whole and its halves; the constraint stays the guarantee underneath.
            var buildingId = await db.Rooms.Where(r => r.Id == booking.RoomId).Select(r => r.BuildingId).SingleAsync(ct);
            await db.LockRowAsync<Building>(buildingId, ct);
            var clashes = await ClashesAsync(db, units, dates, self, ct);
            if (clashes.Count > 0)
            {
                db.ChangeTracker.Clear();
                return clashes;
            }

            booking.Occupy(units);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return [];
        }
        catch (Exception e) when (LostTheRace(e))
        {
            // Another request took the time between the check and the insert; it has committed now.
            db.ChangeTracker.Clear();
            var clashes = await ClashesAsync(db, units, dates, self, ct);
            return clashes.Count > 0 ? clashes : throw new InvalidOperationException("The room was held and freed again while booking; try once more.", e);
        }
    }

    /// <summary>The exclusion constraint or a deadlock between writers; Npgsql's execution strategy may wrap it as transient.</summary>
    private static bool LostTheRace(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: ExclusionViolation or DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }
}
