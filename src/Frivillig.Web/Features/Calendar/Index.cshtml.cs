using Frivillig.Web.Features.Activities;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// The municipality's calendar: what is on from now on (seven days from today, dates already over left
/// out), as a week view or a list, filtered by query string only. An empty result names the next date
/// that matches, so nobody has to page forward to find it.
/// </summary>
// Kept for anonymous visitors, compressed, until the municipality's calendar changes (CalendarCache's tag).
[Hosting.CompressedCache(AnonymousOnly = true)]
public sealed class IndexModel(FrivilligDbContext db, ActivityCalendar calendar, Catalog catalog, MunicipalClock clock, LinkBuilder links, IStringLocalizer<SharedResource> t) : PageModel
{
    public (Feeds.SubscribeLinks Links, string What) Subscribe =>
        !string.IsNullOrEmpty(Filter.District) && !Errors.ContainsKey("district")
            ? (Feeds.SubscribeLinks.For(links, $"/ical/{Municipality.Slug}/districts/{Uri.EscapeDataString(Filter.District)}.ics"), t["aktivitetene i {0}", Districts.FirstOrDefault(d => d.Slug == Filter.District)?.Name ?? Filter.District])
            : !string.IsNullOrEmpty(Filter.Category) && !Errors.ContainsKey("category")
                ? (Feeds.SubscribeLinks.For(links, $"/ical/{Municipality.Slug}/categories/{Uri.EscapeDataString(Filter.Category)}.ics"), t["aktiviteter i kategorien {0}", catalog.CategoryName(Filter.Category)])
                : (Feeds.SubscribeLinks.For(links, $"/ical/{Municipality.Slug}.ics"), t["alle aktivitetene i {0}", Municipality.Name]);

    [BindProperty(SupportsGet = true)]
    public CalendarQuery Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "visning")]
    public string? View { get; set; }

    /// <summary>List view page, from 1. A busy municipality has thousands of dates a week; nobody reads them on one page.</summary>
    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public const int PerDay = 25;
    public const int PerPage = 100;

    public int PageCount => Math.Max(1, (Items.Count + PerPage - 1) / PerPage);

    public IEnumerable<CalendarItem> PageItems => Items.Skip((Math.Clamp(PageNumber, 1, PageCount) - 1) * PerPage).Take(PerPage);

    public string DayListLink(DateOnly day)
    {
        var copy = new CalendarQuery { District = Filter.District, Category = Filter.Category, Target = Filter.Target, DropIn = Filter.DropIn, Q = Filter.Q };
        copy.From = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        copy.To = day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return $"/{Municipality.Slug}{copy.With("from", copy.From)}&visning=liste";
    }

    public string ListPageLink(int page)
    {
        var q = Filter.With("from", Filter.From);
        return $"/{Municipality.Slug}{q}{(q.Length == 0 ? "?" : "&")}visning=liste&side={page}";
    }

    public Municipality Municipality => db.Tenant.Required;
    public Catalog Catalog => catalog;
    public TimeZoneInfo Zone => clock.Zone;
    public DateOnly Today => clock.Today;
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public IReadOnlyList<CalendarItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public bool IsList => View == "liste";

    /// <summary>When the period has nothing that matches: the next date that does, within a year.</summary>
    public DateTimeOffset? NextMatch { get; private set; }

    /// <summary>The period starts today or later: there is no earlier period worth paging back to.</summary>
    public bool StartsToday => FromDate <= clock.Today;

    public bool HasActiveFilters => !string.IsNullOrEmpty(Filter.District) || !string.IsNullOrEmpty(Filter.Category) || !string.IsNullOrEmpty(Filter.Target)
        || !string.IsNullOrEmpty(Filter.DropIn) || !string.IsNullOrEmpty(Filter.Q) || !string.IsNullOrEmpty(Filter.From) || !string.IsNullOrEmpty(Filter.To);

    public string NextMatchLink(DateTimeOffset start)
    {
        var day = DateOnly.FromDateTime(clock.Local(start));
        return $"/{Municipality.Slug}{WithDates(day, day.AddDays(7))}{(IsList ? "&visning=liste" : string.Empty)}#dag-{day:yyyy-MM-dd}";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        var result = await Filter.ResolveAsync(db, catalog, clock, 7, t, ct, defaultFrom: clock.Today);
        Errors = result.Errors;
        FromDate = result.FromDate;
        ToDate = result.ToDate;
        if (result.Filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var filter = result.Filter with { NotEndedBefore = clock.Now };
        Items = await calendar.QueryAsync(filter, ct);
        if (Items.Count == 0)
        {
            NextMatch = await calendar.NextAsync(filter, filter.To > clock.Now ? filter.To : clock.Now, ct);
        }

        return Page();
    }

    public DateTime Local(DateTimeOffset instant) => clock.Local(instant);

    public string ShiftLink(int days) =>
        $"/{Municipality.Slug}{WithDates(FromDate.AddDays(days), ToDate.AddDays(days))}{(IsList ? "&visning=liste" : string.Empty)}";

    public string ViewLink(bool list)
    {
        var q = Filter.With("from", Filter.From);
        return $"/{Municipality.Slug}{q}{(list ? (q.Length == 0 ? "?" : "&") + "visning=liste" : string.Empty)}";
    }

    private string WithDates(DateOnly from, DateOnly to)
    {
        var copy = new CalendarQuery { District = Filter.District, Category = Filter.Category, Target = Filter.Target, DropIn = Filter.DropIn, Q = Filter.Q, From = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), To = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        return copy.With("from", copy.From);
    }
}
