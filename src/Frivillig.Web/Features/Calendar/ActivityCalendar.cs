using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Calendar;

/// <param name="NotEndedBefore">Leaves out dates that ended before this instant: the calendar shows what is still to come.</param>
public sealed record CalendarFilter(string? District, string? Category, string? Target, bool? DropIn, string? Query, DateTimeOffset From, DateTimeOffset To,
    DateTimeOffset? NotEndedBefore = null);

public sealed record ActivitySummary(int Id, string Title, string? Summary, string DistrictSlug, string DistrictName, string OrganisationSlug,
    string OrganisationName, string CategorySlug, bool IsDropIn, ActivityStatus Status, string Place, int? Capacity, decimal? PriceNok,
    string TargetGroups, int Sequence, string? Contact = null);

public sealed record CalendarItem(Occurrence Occurrence, ActivitySummary Activity)
{
    public bool Cancelled => Occurrence.Cancelled || Activity.Status == ActivityStatus.Cancelled;
}

/// <summary>
/// Published (and cancelled, which stay visible) occurrences of the municipality in a window. The
/// filters run over the municipality's activities held in memory (<see cref="CalendarSnapshots"/>);
/// the database's full-text index answers which activities have the searched words; recurrence is
/// expanded here.
/// </summary>
public sealed class ActivityCalendar(FrivilligDbContext db, MunicipalClock clock, Catalog catalog, CalendarSnapshots snapshots)
{
    public async Task<IReadOnlyList<CalendarItem>> QueryAsync(CalendarFilter filter, CancellationToken ct)
    {
        var zone = clock.Zone;
        var items = new List<CalendarItem>();
        foreach (var entry in await WindowAsync(filter, filter.From, filter.To, ct))
        {
            foreach (var occurrence in entry.Activity.Occurrences(zone, filter.From, filter.To))
            {
                if (filter.NotEndedBefore is not { } cutoff || occurrence.End > cutoff)
                {
                    items.Add(new CalendarItem(occurrence, entry.Summary));
                }
            }
        }

        items.Sort((x, y) => x.Occurrence.Start.CompareTo(y.Occurrence.Start) is var c and not 0 ? c : string.CompareOrdinal(x.Activity.Title, y.Activity.Title));
        return items;
    }

    /// <summary>
    /// The first date matching the filter's criteria that starts at or after <paramref name="after"/>,
    /// within a year: what an empty calendar page points to. Cancelled dates do not count.
    /// </summary>
    public async Task<DateTimeOffset?> NextAsync(CalendarFilter filter, DateTimeOffset after, CancellationToken ct)
    {
        var until = after.AddYears(1);
        DateTimeOffset? next = null;
        foreach (var entry in await WindowAsync(filter, after, until, ct))
        {
            if (entry.Activity.Status != ActivityStatus.Published)
            {
                continue;
            }

            // Occurrences come in order, so the first one that is not cancelled is the activity's next.
            var first = entry.Activity.Occurrences(clock.Zone, after, until).FirstOrDefault(o => !o.Cancelled && o.Start >= after);
            if (first is not null && (next is null || first.Start < next))
            {
                next = first.Start;
            }
        }

        return next;
    }

    private async Task<IEnumerable<CalendarSnapshots.Entry>> WindowAsync(CalendarFilter filter, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var snapshot = await snapshots.GetAsync(db.Tenant.Required, ct);
        IEnumerable<CalendarSnapshots.Entry> query = snapshot.Activities
            .Where(e => e.Activity.StartsAt < to && (e.Activity.SeriesEndsAt == null || e.Activity.SeriesEndsAt > from));

        if (!string.IsNullOrEmpty(filter.District))
        {
            query = query.Where(e => string.Equals(e.Summary.DistrictSlug, filter.District, StringComparison.Ordinal));
        }

        if (!string.IsNullOrEmpty(filter.Category))
        {
            query = query.Where(e => string.Equals(e.Activity.CategorySlug, filter.Category, StringComparison.Ordinal));
        }

        if (!string.IsNullOrEmpty(filter.Target))
        {
            var wrapped = "," + filter.Target + ",";
            query = query.Where(e => e.Activity.TargetGroups.Contains(wrapped, StringComparison.Ordinal));
        }

        if (filter.DropIn is { } dropIn)
        {
            query = query.Where(e => e.Activity.IsDropIn == dropIn);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var text = filter.Query.Trim();
            var words = SearchWords.Split(text);
            var found = words.Count == 0 ? new HashSet<int>() : await MatchingIdsAsync(snapshot, words, ct);
            var categories = catalog.Categories.Where(c => words.Count > 0 && SearchWords.AllIn(words, c.Name)).Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
            query = query.Where(e => found.Contains(e.Activity.Id) || e.Summary.OrganisationName.Contains(text, StringComparison.OrdinalIgnoreCase)
                || categories.Contains(e.Activity.CategorySlug));
        }

        return query;
    }

    /// <summary>
    /// Activities with every word in the title, summary, description, place or address, with any
    /// Norwegian ending, from the database's own full-text index.
    /// </summary>
    private async Task<IReadOnlySet<int>> MatchingIdsAsync(CalendarSnapshots.Snapshot snapshot, IReadOnlyList<string> words, CancellationToken ct)
    {
        var key = string.Join(' ', words);
        if (snapshot.Searches.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = await ReadMatchingIdsAsync(words, ct);
        if (snapshot.Searches.Count < CalendarSnapshots.Snapshot.MaxSearches)
        {
            snapshot.Searches.TryAdd(key, found);
        }

        return found;
    }

    private async Task<HashSet<int>> ReadMatchingIdsAsync(IReadOnlyList<string> words, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // to_tsquery stems each word with the Norwegian snowball stemmer, then matches by prefix.
            var tsQuery = string.Join(" & ", words.Select(w => w + ":*"));
            return [.. await db.Activities.Where(a => EF.Property<NpgsqlTypes.NpgsqlTsVector>(a, FrivilligDbContext.ActivitySearch).Matches(EF.Functions.ToTsQuery("norwegian", tsQuery)))
                .Select(a => a.Id).ToListAsync(ct)];
        }

        // SQLite: FTS5 (unicode61) folds case and accents itself; the stem is matched as a prefix.
        var match = string.Join(" ", words.Select(w => "\"" + NorwegianStemmer.Stem(w) + "\"*"));
        return [.. await db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM ActivitySearch WHERE ActivitySearch MATCH {match}").ToListAsync(ct)];
    }
}
