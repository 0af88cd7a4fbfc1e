using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Frivillig.Web.Features.Activities;

/// <summary>
/// Where an activity is held when a feature knows more than the organiser's free-text place: a
/// municipal room booked for it, with the building's address, position and accessibility. Shown on
/// the activity's page, in its JSON-LD Place and in its feed entry (LOCATION, GEO).
/// </summary>
public sealed record Venue(string Name, string? StreetAddress, string? PostalCode, string? City, double? Latitude, double? Longitude,
    IReadOnlyList<string> Accessibility)
{
    public string Address => string.Join(", ", new[] { StreetAddress, $"{PostalCode} {City}".Trim() }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>The address on OpenStreetMap: at its position when known, else found by its address.</summary>
    public string MapUrl => Latitude is { } lat && Longitude is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.######}&mlon={lon:0.######}#map=17/{lat:0.######}/{lon:0.######}")
        : "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(Address.Length > 0 ? Address : Name);
}

/// <summary>A feature that knows where activities are held offers it here (premises: the room booked for an activity).</summary>
public interface IVenueSource
{
    Task<IReadOnlyDictionary<int, Venue>> FindAsync(IReadOnlyCollection<int> activityIds, CancellationToken cancellationToken);
}

/// <summary>
/// The venues of some activities, from every source there is; the first source to know one wins, and the
/// address the organiser typed comes last: a booked municipal room knows its building better.
/// </summary>
public sealed class Venues(IEnumerable<IVenueSource> sources, ActivityAddressVenues organiserAddress)
{
    public async Task<IReadOnlyDictionary<int, Venue>> FindAsync(IReadOnlyCollection<int> activityIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<int, Venue>();
        foreach (var source in sources.Append(organiserAddress))
        {
            var missing = activityIds.Where(id => !found.ContainsKey(id)).ToList();
            if (missing.Count == 0)
            {
                break;
            }

            foreach (var (id, venue) in await source.FindAsync(missing, cancellationToken))
            {
                found.TryAdd(id, venue);
            }
        }

        return found;
    }

    public async Task<Venue?> FindAsync(int activityId, CancellationToken cancellationToken) =>
        (await FindAsync([activityId], cancellationToken)).GetValueOrDefault(activityId);
}

/// <summary>The place and street address the organiser gave the activity, when they gave one.</summary>
public sealed class ActivityAddressVenues(FrivilligDbContext db) : IVenueSource
{
    public async Task<IReadOnlyDictionary<int, Venue>> FindAsync(IReadOnlyCollection<int> activityIds, CancellationToken cancellationToken)
    {
        var rows = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id) && a.StreetAddress != null)
            .Select(a => new { a.Id, a.Place, a.StreetAddress, a.PostalCode, a.City })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new Venue(r.Place, r.StreetAddress, r.PostalCode, r.City, null, null, []));
    }
}
