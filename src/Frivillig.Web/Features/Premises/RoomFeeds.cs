using System.Text;
using Frivillig.Model.Premises;
using Frivillig.Web.Features.Feeds;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises;

/// <summary>
/// Bookings as iCalendar: a room's for staff at a secret address (who and why included), and an
/// organisation's own in its members' personal feeds. Each date is its own VEVENT with a UID that
/// never changes (booking-{date id}), a cancelled date stays with STATUS:CANCELLED, and every text is
/// escaped and folded by <see cref="IcsWriter"/>. Times are the municipality's local wall-clock times
/// with TZID and its VTIMEZONE, as in the activity feeds, so a calendar shows 18:00 as booked.
/// </summary>
public static class RoomFeeds
{
    public static IEndpointRouteBuilder MapRoomFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ical/{m}/rooms/{token}.ics", async (string token, FrivilligDbContext db, PremisesQuery query, LinkBuilder links, CancellationToken ct) =>
        {
            if (token.Length != 40 || !token.All(char.IsAsciiHexDigitLower))
            {
                return Results.NotFound();
            }

            var room = await db.Rooms.AsNoTracking().Include(r => r.Building).SingleOrDefaultAsync(r => r.FeedToken == token, ct);
            if (room is null)
            {
                return Results.NotFound();
            }

            var units = await RoomOccupancy.UnitsOfAsync(db, room, ct);
            var bookingIds = db.OccupiedSlots.Where(s => units.Contains(s.UnitRoomId)).Select(s => s.BookingId);
            var bookings = await db.Bookings.AsNoTracking().Include(b => b.Organisation).Include(b => b.Room).Include(b => b.Dates)
                .Where(b => bookingIds.Contains(b.Id) || (b.RoomId == room.Id && b.Status != BookingStatus.Applied)).AsSplitQuery().ToListAsync(ct);
            var municipality = db.Tenant.Required;
            var w = Start($"{room.Building!.Name}, {room.Name}", municipality.TimeZoneId);
            foreach (var booking in bookings.OrderBy(b => b.Id))
            {
                WriteDates(w, booking, room.Building, municipality, withWhoAndWhy: true, links.Absolute($"/{db.Tenant.Required.Slug}/lokaler/forvaltning/{booking.Id}"));
            }

            return Results.Text(w.Line("END", "VCALENDAR").ToString(), "text/calendar; charset=utf-8", Encoding.UTF8);
        }).WithTags("Kalenderabonnement").WithName("RoomBookingsFeed").WithSummary("Et roms bookinger for ansatte (hemmelig adresse)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").Produces(StatusCodes.Status404NotFound);
        return app;
    }

    public static IcsWriter Start(string name, string tzid) => new IcsWriter()
        .Line("BEGIN", "VCALENDAR")
        .Line("VERSION", "2.0")
        .Line("PRODID", "-//Frivillig//Lokaler//NB")
        .Line("CALSCALE", "GREGORIAN")
        .Line("METHOD", "PUBLISH")
        .Text("X-WR-CALNAME", name)
        .Line("X-WR-TIMEZONE", tzid)
        .Line("X-PUBLISHED-TTL", "PT1H")
        .Raw(FeedBuilder.TimeZoneBlock(tzid));

    public static void WriteDates(IcsWriter w, Booking booking, Building building, Municipality municipality, bool withWhoAndWhy, string url)
    {
        var zone = MunicipalClock.ZoneOf(municipality);
        var tzid = municipality.TimeZoneId;
        foreach (var date in booking.Dates.OrderBy(d => d.StartsAt))
        {
            var cancelled = date.Cancelled || booking.Status is BookingStatus.Cancelled or BookingStatus.Rejected;
            w.Line("BEGIN", "VEVENT")
                .Line("UID", $"booking-{date.Id}@frivillig")
                .Utc("DTSTAMP", booking.DecidedAt ?? booking.CreatedAt)
                .Local("DTSTART", tzid, TimeZoneInfo.ConvertTime(date.StartsAt, zone).DateTime)
                .Local("DTEND", tzid, TimeZoneInfo.ConvertTime(date.EndsAt, zone).DateTime)
                .Line("SEQUENCE", cancelled ? "1" : "0")
                .Text("SUMMARY", withWhoAndWhy ? $"{booking.Organisation?.Name}: {booking.Purpose}" : $"{booking.Room?.Name}: {booking.Purpose}")
                .Text("LOCATION", $"{building.Name}, {booking.Room?.Name}, {building.Address.OneLine}")
                .Geo(building.Latitude, building.Longitude)
                .Line("STATUS", cancelled ? "CANCELLED" : booking.Status == BookingStatus.Approved ? "CONFIRMED" : "TENTATIVE")
                .Text("URL", url)
                .Line("END", "VEVENT");
        }
    }
}

/// <summary>The bookings of a person's organisations, in their personal feed.</summary>
public sealed class OrganisationBookingsFeed(FrivilligDbContext db, LinkBuilder links) : IPersonalFeedSource
{
    public async Task<PersonalFeedPart> ReadAsync(AppUser user, CancellationToken cancellationToken)
    {
        var orgIds = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync(cancellationToken);
        if (orgIds.Count == 0)
        {
            return PersonalFeedPart.Empty;
        }

        var bookings = await db.Bookings.IgnoreQueryFilters().AsNoTracking().Include(b => b.Organisation).Include(b => b.Dates).Include(b => b.Room).ThenInclude(r => r!.Building)
            .Where(b => orgIds.Contains(b.OrganisationId) && (b.Status == BookingStatus.Approved || b.Status == BookingStatus.Pending || b.Status == BookingStatus.Cancelled))
            .AsSplitQuery().ToListAsync(cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        return bookings.Count == 0
            ? PersonalFeedPart.Empty
            : new PersonalFeedPart([.. bookings.Select(b => municipalities[b.MunicipalityId].TimeZoneId).Distinct(StringComparer.Ordinal)], w =>
            {
                foreach (var b in bookings.OrderBy(b => b.Id))
                {
                    RoomFeeds.WriteDates(w, b, b.Room!.Building!, municipalities[b.MunicipalityId], withWhoAndWhy: false, links.Absolute($"/{municipalities[b.MunicipalityId].Slug}/organisasjoner/{b.OrganisationId}/lokaler"));
                }
            });
    }
}
