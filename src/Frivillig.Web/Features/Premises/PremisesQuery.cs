using Frivillig.Model.Premises;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises;

/// <summary>The filters of the premises list, from the page's and the API's query string alike.</summary>
public sealed record PremisesFilter(BuildingKind? Kind, string? District, int? MinCapacity, IReadOnlyList<string> Equipment, IReadOnlyList<string> Accessibility,
    DateOnly? FreeOn, TimeOnly? FreeFrom, TimeOnly? FreeTo);

/// <summary>A busy time of a room: whose and why only when the booking is for a public activity.</summary>
public sealed record BusyInterval(int RoomId, DateTimeOffset Start, DateTimeOffset End, string Status, int? ActivityId);

/// <summary>A closed time of a room, from a closure of its building, of itself, or of its whole or a part of it.</summary>
public sealed record ClosedInterval(int RoomId, DateTimeOffset Start, DateTimeOffset End, string Reason);

/// <summary>
/// One query behind the premises pages and the API: buildings with their rooms by filter, and the busy
/// times of rooms in a window, read from the occupied slots of each room's units (a whole gym is busy
/// when either half is, a half when the whole is).
/// </summary>
public sealed class PremisesQuery(FrivilligDbContext db)
{
    public static readonly IReadOnlyDictionary<string, string> AccessibilityNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["trinnfri"] = "Trinnfri inngang",
        ["toalett"] = "Tilrettelagt toalett",
        ["teleslynge"] = "Teleslynge",
        ["heis"] = "Heis",
    };

    public async Task<IReadOnlyList<Building>> BuildingsAsync(PremisesFilter filter, TimeZoneInfo zone, CancellationToken ct)
    {
        var query = db.Buildings.AsNoTracking().Include(b => b.District).Include(b => b.Rooms).ThenInclude(r => r.Windows).AsQueryable();
        if (filter.Kind is { } kind)
        {
            query = query.Where(b => b.Kind == kind);
        }

        if (filter.District is { } district)
        {
            query = query.Where(b => b.District!.Slug == district);
        }

        foreach (var a in filter.Accessibility)
        {
            query = a switch
            {
                "trinnfri" => query.Where(b => b.StepFreeEntrance),
                "toalett" => query.Where(b => b.AccessibleToilet),
                "teleslynge" => query.Where(b => b.HearingLoop),
                "heis" => query.Where(b => b.Lift),
                _ => query,
            };
        }

        var buildings = await query.OrderBy(b => b.District!.Name).ThenBy(b => b.Name).AsSplitQuery().ToListAsync(ct);
        var rooms = buildings.SelectMany(b => b.Rooms).Where(r => RoomMatches(r, filter)).ToList();
        if (filter.FreeOn is { } day && filter.FreeFrom is { } from && filter.FreeTo is { } to && to > from)
        {
            var start = MunicipalClock.ToUtc(day.ToDateTime(from), zone);
            var end = MunicipalClock.ToUtc(day.ToDateTime(to), zone);
            var busy = (await BusyAsync(rooms, start, end, ct)).Select(b => b.RoomId).ToHashSet();
            busy.UnionWith((await ClosedAsync(rooms, start, end, ct)).Select(c => c.RoomId));
            rooms = [.. rooms.Where(r => !busy.Contains(r.Id) && BookingRules.InsideWindow(start, end, r.Windows, zone))];
        }

        var matching = rooms.Select(r => r.Id).ToHashSet();
        foreach (var b in buildings)
        {
            b.Rooms = [.. b.Rooms.Where(r => matching.Contains(r.Id)).OrderBy(r => r.ParentRoomId ?? r.Id).ThenBy(r => r.Id)];
        }

        return [.. buildings.Where(b => b.Rooms.Count > 0)];
    }

    private static bool RoomMatches(Room room, PremisesFilter filter) =>
        (filter.MinCapacity is not { } min || room.Capacity >= min) && filter.Equipment.All(e => room.Equipment.Contains("," + e + ",", StringComparison.Ordinal));

    public Task<Building?> BuildingAsync(int id, CancellationToken ct) =>
        db.Buildings.AsNoTracking().Include(b => b.District).Include(b => b.Rooms).ThenInclude(r => r.Windows).AsSplitQuery().SingleOrDefaultAsync(b => b.Id == id, ct);

    /// <summary>Busy intervals of the rooms in [from, to), one per booking date and room, ordered by room and start.</summary>
    public async Task<IReadOnlyList<BusyInterval>> BusyAsync(IReadOnlyCollection<Room> rooms, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (rooms.Count == 0)
        {
            return [];
        }

        var buildingIds = rooms.Select(r => r.BuildingId).Distinct().ToList();
        var all = await db.Rooms.AsNoTracking().Where(r => buildingIds.Contains(r.BuildingId)).Select(r => new { r.Id, r.ParentRoomId }).ToListAsync(ct);
        var tree = all.Select(r => (r.Id, r.ParentRoomId)).ToList();
        var unitsByRoom = rooms.ToDictionary(r => r.Id, r => BookingRules.UnitsOf(r.Id, tree));
        var units = unitsByRoom.Values.SelectMany(u => u).Distinct().ToList();
        var earliest = from - BookingRules.MaxDuration;
        var slots = await db.OccupiedSlots.AsNoTracking()
            .Where(s => units.Contains(s.UnitRoomId) && s.StartsAt >= earliest && s.StartsAt < to && s.EndsAt > from)
            .Select(s => new { s.UnitRoomId, s.BookingDateId, s.StartsAt, s.EndsAt, s.Booking!.Status, s.Booking.ActivityId })
            .ToListAsync(ct);
        var result = new List<BusyInterval>();
        foreach (var (roomId, roomUnits) in unitsByRoom)
        {
            result.AddRange(slots.Where(s => roomUnits.Contains(s.UnitRoomId)).DistinctBy(s => s.BookingDateId)
                .Select(s => new BusyInterval(roomId, s.StartsAt, s.EndsAt, s.Status == BookingStatus.Approved ? "booked" : "requested", s.ActivityId)));
        }

        return [.. result.OrderBy(b => b.RoomId).ThenBy(b => b.Start)];
    }

    /// <summary>
    /// Closures over [from, to) per room, ordered by room and start: a closure of the building closes every room, and one of a room
    /// closes the rooms that share a part with it (the whole when a half is closed, the halves when the whole is), as for booking.
    /// </summary>
    public async Task<IReadOnlyList<ClosedInterval>> ClosedAsync(IReadOnlyCollection<Room> rooms, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (rooms.Count == 0)
        {
            return [];
        }

        var buildingIds = rooms.Select(r => r.BuildingId).Distinct().ToList();
        var closures = await db.Closures.AsNoTracking().Where(c => buildingIds.Contains(c.BuildingId) && c.StartsAt < to && c.EndsAt > from)
            .OrderBy(c => c.StartsAt).ToListAsync(ct);
        if (closures.Count == 0)
        {
            return [];
        }

        var tree = (await db.Rooms.AsNoTracking().Where(r => buildingIds.Contains(r.BuildingId)).Select(r => new { r.Id, r.ParentRoomId }).ToListAsync(ct))
            .Select(r => (r.Id, r.ParentRoomId)).ToList();
        var result = new List<ClosedInterval>();
        foreach (var room in rooms)
        {
            var units = BookingRules.UnitsOf(room.Id, tree);
            result.AddRange(closures.Where(c => c.BuildingId == room.BuildingId && (c.RoomId is not { } closed || BookingRules.UnitsOf(closed, tree).Intersect(units).Any()))
                .Select(c => new ClosedInterval(room.Id, c.StartsAt, c.EndsAt, c.Reason)));
        }

        return [.. result.OrderBy(c => c.RoomId).ThenBy(c => c.Start)];
    }

    /// <summary>Titles of the public activities some busy times are for; private bookings say nothing of who or why.</summary>
    public async Task<IReadOnlyDictionary<int, string>> PublicActivityTitlesAsync(IEnumerable<BusyInterval> busy, CancellationToken ct)
    {
        var ids = busy.Where(b => b.ActivityId is not null).Select(b => b.ActivityId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Status == ActivityStatus.Published).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
    }
}
