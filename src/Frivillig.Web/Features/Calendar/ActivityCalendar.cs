using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Calendar;

public sealed record CalendarFilter(string? District, string? Category, string? Target, bool? DropIn, string? Query, DateTimeOffset From, DateTimeOffset To);

public sealed record ActivitySummary(int Id, string Title, string? Summary, string DistrictSlug, string DistrictName, string OrganisationSlug,
    string OrganisationName, string CategorySlug, bool IsDropIn, ActivityStatus Status, string Place, int? Capacity, decimal? PriceNok,
    string TargetGroups, int Sequence);

public sealed record CalendarItem(Occurrence Occurrence, ActivitySummary Activity)
{
    public bool Cancelled => Occurrence.Cancelled || Activity.Status == ActivityStatus.Cancelled;
}

/// <summary>
/// Published (and cancelled, which stay visible) occurrences of the municipality in a window.
/// The database narrows to activities whose span touches the window; recurrence is expanded here.
/// </summary>
public sealed class ActivityCalendar(FrivilligDbContext db, MunicipalClock clock)
{
    public async Task<IReadOnlyList<CalendarItem>> QueryAsync(CalendarFilter filter, CancellationToken ct)
    {
        var zone = clock.Zone;
        var query = db.Activities.AsNoTracking()
            .Where(a => a.Status != ActivityStatus.Draft && a.StartsAt < filter.To && (a.SeriesEndsAt == null || a.SeriesEndsAt > filter.From));

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
            var pattern = "%" + EscapeLike(filter.Query.Trim()) + "%";
            // SQLite's LIKE ignores case (ASCII); PostgreSQL's does not, so it gets ILIKE.
            query = db.Database.IsNpgsql()
                ? query.Where(a => EF.Functions.ILike(a.Title, pattern, "\\") || EF.Functions.ILike(a.Summary ?? string.Empty, pattern, "\\")
                    || EF.Functions.ILike(a.Organisation!.Name, pattern, "\\") || EF.Functions.ILike(a.Place, pattern, "\\"))
                : query.Where(a => EF.Functions.Like(a.Title, pattern, "\\") || EF.Functions.Like(a.Summary ?? string.Empty, pattern, "\\")
                    || EF.Functions.Like(a.Organisation!.Name, pattern, "\\") || EF.Functions.Like(a.Place, pattern, "\\"));
        }

        var rows = await query
            .Select(a => new
            {
                Activity = a,
                Summary = new ActivitySummary(a.Id, a.Title, a.Summary, a.District!.Slug, a.District.Name, a.Organisation!.Slug, a.Organisation.Name,
                    a.CategorySlug, a.IsDropIn, a.Status, a.Place, a.Capacity, a.PriceNok, a.TargetGroups, a.Sequence),
                a.DateChanges,
            })
            .ToListAsync(ct);

        var items = new List<CalendarItem>();
        foreach (var row in rows)
        {
            row.Activity.DateChanges = row.DateChanges;
            foreach (var occurrence in row.Activity.Occurrences(zone, filter.From, filter.To))
            {
                items.Add(new CalendarItem(occurrence, row.Summary));
            }
        }

        items.Sort((x, y) => x.Occurrence.Start.CompareTo(y.Occurrence.Start) is var c and not 0 ? c : string.CompareOrdinal(x.Activity.Title, y.Activity.Title));
        return items;
    }

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
