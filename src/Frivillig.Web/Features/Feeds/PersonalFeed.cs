using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Feeds;

/// <summary>
/// One feature's share of a person's own feed (/ical/me/{token}.ics): the activities they signed up
/// for, the shifts they took. A source writes its VEVENTs with <see cref="IcsWriter"/> and names the
/// time zones they use, so the feed carries each VTIMEZONE once. Register with the feature's module.
/// </summary>
public interface IPersonalFeedSource
{
    Task<PersonalFeedPart> ReadAsync(AppUser user, CancellationToken cancellationToken);
}

public sealed record PersonalFeedPart(IReadOnlyCollection<string> TimeZoneIds, Action<IcsWriter> WriteEvents)
{
    public static readonly PersonalFeedPart Empty = new([], _ => { });
}

/// <summary>
/// A person's sign-ups, found by their confirmed e-mail address across municipalities: each date they
/// hold a place on as its own event, with the same UID as the invitation mailed to them
/// (signup-{id}), so the feed and the mail update one calendar entry; a whole-series sign-up is the series.
/// </summary>
internal sealed class SignUpsInPersonalFeed(FrivilligDbContext db, Activities.Catalog catalog, Activities.Venues venues, LinkBuilder links) : IPersonalFeedSource
{
    public async Task<PersonalFeedPart> ReadAsync(AppUser user, CancellationToken cancellationToken)
    {
        var email = user.Email;
        var signUps = await db.SignUps.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Email == email && s.Status == SignUpStatus.Confirmed && s.Activity!.Status != ActivityStatus.Draft)
            .Include(s => s.Activity!).ThenInclude(a => a.DateChanges)
            .Select(s => new { SignUp = s, Organisation = s.Activity!.Organisation!.Name, District = s.Activity.District!.Name })
            .ToListAsync(cancellationToken);
        if (signUps.Count == 0)
        {
            return PersonalFeedPart.Empty;
        }

        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        var places = await venues.FindAsync([.. signUps.Select(s => s.SignUp.ActivityId).Distinct()], cancellationToken);
        var entries = signUps.Select(r => new PersonalEntry(r.SignUp, new FeedActivity(r.SignUp.Activity!, r.Organisation, r.District, places.GetValueOrDefault(r.SignUp.ActivityId)),
            municipalities[r.SignUp.MunicipalityId])).ToList();
        return new PersonalFeedPart([.. entries.Select(e => e.Municipality.TimeZoneId).Distinct(StringComparer.Ordinal)],
            w => FeedBuilder.WriteSignUps(w, entries, catalog, (m, id) => links.Absolute($"/{m.Slug}/aktiviteter/{id}")));
    }
}
