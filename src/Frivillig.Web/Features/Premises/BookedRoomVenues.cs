using Frivillig.Model.Premises;
using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises;

/// <summary>An activity with an approved booking of a room is held there: the building's address, position and accessibility.</summary>
public sealed class BookedRoomVenues(FrivilligDbContext db) : IVenueSource
{
    public async Task<IReadOnlyDictionary<int, Venue>> FindAsync(IReadOnlyCollection<int> activityIds, CancellationToken cancellationToken)
    {
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.ActivityId != null && activityIds.Contains(b.ActivityId.Value) && b.Status == BookingStatus.Approved)
            .OrderByDescending(b => b.Id)
            .Select(b => new { ActivityId = b.ActivityId!.Value, b.Room!.Name, b.Room.Building })
            .ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.ActivityId).ToDictionary(r => r.ActivityId, r => new Venue($"{r.Building!.Name}, {r.Name}", r.Building.StreetAddress,
            r.Building.PostalCode, r.Building.City, r.Building.Latitude, r.Building.Longitude, r.Building.AccessibilityTexts()));
    }
}
