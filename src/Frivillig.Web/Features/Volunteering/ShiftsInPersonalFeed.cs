using System.Globalization;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Features.Feeds;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// A volunteer's shifts in their own feed: each shift they hold a place on, or said they cannot come
/// to (as CANCELLED, so the calendar entry goes). The description is the role and a link, never the
/// briefing: a feed is read by calendar programs and whoever the address is shared with.
/// </summary>
internal sealed class ShiftsInPersonalFeed(FrivilligDbContext db, LinkBuilder links) : IPersonalFeedSource
{
    public async Task<PersonalFeedPart> ReadAsync(AppUser user, CancellationToken cancellationToken)
    {
        var id = user.Id;
        var rows = await db.ShiftSignUps.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.UserId == id && s.Status != ShiftSignUpStatus.Waitlisted)
            .Select(s => new
            {
                s.Id, s.Status, s.CalendarSequence, s.Shift!.StartsAt, s.Shift.EndsAt, s.Shift.Place, s.Shift.Cancelled, ShiftSequence = s.Shift.Sequence, s.ShiftId,
                s.Shift.UpdatedAt, Role = s.Shift.Role!.Title, Organisation = s.Shift.Role.Organisation!.Name, s.MunicipalityId,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return PersonalFeedPart.Empty;
        }

        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        return new PersonalFeedPart([.. rows.Select(r => municipalities[r.MunicipalityId].TimeZoneId).Distinct(StringComparer.Ordinal)], w =>
        {
            foreach (var r in rows.OrderBy(r => r.Id))
            {
                var municipality = municipalities[r.MunicipalityId];
                var zone = MunicipalClock.ZoneOf(municipality);
                var url = links.Absolute($"/{municipality.Slug}/frivillig/vakter/{r.ShiftId}");
                w.Line("BEGIN", "VEVENT")
                    .Text("UID", $"shift-{r.Id}@frivillig")
                    .Utc("DTSTAMP", r.UpdatedAt)
                    .Local("DTSTART", municipality.TimeZoneId, TimeZoneInfo.ConvertTime(r.StartsAt, zone).DateTime)
                    .Local("DTEND", municipality.TimeZoneId, TimeZoneInfo.ConvertTime(r.EndsAt, zone).DateTime)
                    .Line("SEQUENCE", (r.CalendarSequence + r.ShiftSequence).ToString(CultureInfo.InvariantCulture))
                    .Line("STATUS", r.Cancelled || r.Status == ShiftSignUpStatus.Cancelled ? "CANCELLED" : "CONFIRMED")
                    .Text("SUMMARY", $"Vakt: {r.Role}")
                    .Text("LOCATION", r.Place)
                    .Text("DESCRIPTION", $"{r.Role}, {r.Organisation}.\n{url}")
                    .Line("URL;VALUE=URI", url)
                    .Line("END", "VEVENT");
            }
        });
    }
}
