using Frivillig.Model.Premises;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Manage;

/// <summary>/{m}/lokaler/forvaltning: the premises managers' one queue, the seasons' allocation rounds and the rooms' feeds for staff.</summary>
public sealed class QueueModel(FrivilligDbContext db, RoomBooking booking, LinkBuilder links) : FormPageModel
{
    public Municipality Municipality => db.Tenant.Required;
    public IReadOnlyList<Frivillig.Model.Premises.Booking> Pending { get; private set; } = [];
    public IReadOnlyList<(Season Season, int Applications)> Seasons { get; private set; } = [];
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public IReadOnlyDictionary<string, string> HandlerNames { get; private set; } = new Dictionary<string, string>();
    public RoomBooking Booking => booking;

    public string FeedUrl(Room room) => links.Absolute($"/ical/{Municipality.Slug}/rooms/{room.FeedToken}.ics");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await db.Bookings.AsNoTracking().Include(b => b.Organisation).Include(b => b.Dates).Include(b => b.Room).ThenInclude(r => r!.Building)
            .Where(b => b.Status == BookingStatus.Pending).OrderBy(b => b.CreatedAt).AsSplitQuery().ToListAsync(ct);
        var seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.StartsOn).ToListAsync(ct);
        var counts = await db.Bookings.Where(b => b.SeasonId != null && b.Status == BookingStatus.Applied).GroupBy(b => b.SeasonId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Seasons = [.. seasons.Select(s => (s, counts.GetValueOrDefault(s.Id)))];
        Rooms = await db.Rooms.AsNoTracking().Include(r => r.Building).OrderBy(r => r.Building!.Name).ThenBy(r => r.Id).ToListAsync(ct);
        var handlerIds = Pending.Select(p => p.CaseHandlerUserId).OfType<string>().Distinct().ToList();
        HandlerNames = await db.Users.AsNoTracking().Where(u => handlerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
