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
/// Published (and cancelled, which stay visible) occurrences of the municipality in a window.
/// The database narrows to activities whose span touches the window; recurrence is expanded here.
/// </summary>
public sealed class ActivityCalendar(FrivilligDbContext db, MunicipalClock clock, Catalog catalog)
{
    public async Task<IReadOnlyList<CalendarItem>> QueryAsync(CalendarFilter filter, CancellationToken ct)
    {
        var zone = clock.Zone;
        var rows = await Window(filter, filter.From, filter.To)
            .Select(a => new
            {
                Activity = a,
                Summary = new ActivitySummary(a.Id, a.Title, a.Summary, a.District!.Slug, a.District.Name, a.Organisation!.Slug, a.Organisation.Name,
                    a.CategorySlug, a.IsDropIn, a.Status, a.Place, a.Capacity, a.PriceNok, a.TargetGroups, a.Sequence, a.Contact),
                a.DateChanges,
            })
            .ToListAsync(ct);

        var items = new List<CalendarItem>();
        foreach (var row in rows)
        {
            row.Activity.DateChanges = row.DateChanges;
            foreach (var occurrence in row.Activity.Occurrences(zone, filter.From, filter.To))
            {
                if (filter.NotEndedBefore is not { } cutoff || occurrence.End > cutoff)
                {
                    items.Add(new CalendarItem(occurrence, row.Summary));
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
        var rows = await Window(filter, after, until).Where(a => a.Status == ActivityStatus.Published)
            .Select(a => new { Activity = a, a.DateChanges }).ToListAsync(ct);
        DateTimeOffset? next = null;
        foreach (var row in rows)
        {
            row.Activity.DateChanges = row.DateChanges;
            // Occurrences come in order, so the first one that is not cancelled is the activity's next.
            var first = row.Activity.Occurrences(clock.Zone, after, until).FirstOrDefault(o => !o.Cancelled && o.Start >= after);
            if (first is not null && (next is null || first.Start < next))
            {
                next = first.Start;
            }
        }

        return next;
    }

    private IQueryable<Activity> Window(CalendarFilter filter, DateTimeOffset from, DateTimeOffset to)
    {
        var query = db.Activities.AsNoTracking()
            .Where(a => a.Status != ActivityStatus.Draft && a.StartsAt < to && (a.SeriesEndsAt == null || a.SeriesEndsAt > from));

        if (!string.IsNullOrEmpty(filter.District))
        {
            query = query.Where(a => a.District!.Slug == filter.District);
        }

        if (!string.IsNullOrEmpty(filter.Category))
        {
            query = query.Where(a => a.CategorySlug == filter.Category);
        }

        if (!string.IsNullOrEmpty(filter.Target))
        {
            var wrapped = "," + filter.Target + ",";
            query = query.Where(a => a.TargetGroups.Contains(wrapped));
        }

        if (filter.DropIn is { } dropIn)
        {
            query = query.Where(a => a.IsDropIn == dropIn);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            query = Search(query, filter.Query.Trim());
        }

        return query;
    }

    /// <summary>
    /// Words in the title, summary, description, place or address, in the database's own full-text
    /// search (every word must be found, with any Norwegian ending); or the organiser's name; or a
    /// category whose name has the words.
    /// </summary>
    private IQueryable<Activity> Search(IQueryable<Activity> query, string text)
    {
        var words = SearchWords.Split(text);
        var pattern = "%" + EscapeLike(text) + "%";
        var categories = catalog.Categories.Where(c => words.Count > 0 && SearchWords.AllIn(words, c.Name)).Select(c => c.Slug).ToList();
        if (db.Database.IsNpgsql())
        {
            if (words.Count == 0)
            {
                return query.Where(a => EF.Functions.ILike(a.Organisation!.Name, pattern, "\\"));
            }

            // to_tsquery stems each word with the Norwegian snowball stemmer, then matches by prefix.
            var tsQuery = string.Join(" & ", words.Select(w => w + ":*"));
            return query.Where(a => EF.Property<NpgsqlTypes.NpgsqlTsVector>(a, FrivilligDbContext.ActivitySearch).Matches(EF.Functions.ToTsQuery("norwegian", tsQuery))
                || EF.Functions.ILike(a.Organisation!.Name, pattern, "\\") || categories.Contains(a.CategorySlug));
        }

        // SQLite: LIKE ignores case (ASCII) for the organiser; FTS5 (unicode61) folds case and accents itself.
        if (words.Count == 0)
        {
            return query.Where(a => EF.Functions.Like(a.Organisation!.Name, pattern, "\\"));
        }

        var match = string.Join(" ", words.Select(w => "\"" + NorwegianStemmer.Stem(w) + "\"*"));
        var found = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM ActivitySearch WHERE ActivitySearch MATCH {match}");
        return query.Where(a => found.Contains(a.Id) || EF.Functions.Like(a.Organisation!.Name, pattern, "\\") || categories.Contains(a.CategorySlug));
    }

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
