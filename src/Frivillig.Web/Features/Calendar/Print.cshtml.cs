using System.Globalization;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// A district's week or month on A4 in large type, for notice boards and residents who are not online:
/// for one target group if asked, with the week number, the district's own address, and how to sign up
/// without internet (a phone number or a place).
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CalendarCache.Policy)]
public sealed class PrintModel(FrivilligDbContext db, ActivityCalendar calendar, Catalog catalog, MunicipalClock clock, LinkBuilder links, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CalendarQuery Filter { get; set; } = new();

    /// <summary>"uke" (the ISO week) or "maned" (the calendar month) around <see cref="CalendarQuery.From"/>, or today.</summary>
    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Period { get; set; }

    public Municipality Municipality => db.Tenant.Required;
    public TimeZoneInfo Zone => clock.Zone;
    public Catalog Catalog => catalog;
    public IReadOnlyList<CalendarItem> Items { get; private set; } = [];
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public string? Error { get; private set; }
    public bool ChooseDistrict { get; private set; }
    public District? District { get; private set; }
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public bool IsMonth => Period == "maned";
    public string PublicUrl => links.Absolute($"/{Municipality.Slug}?district={Uri.EscapeDataString(District?.Slug ?? string.Empty)}");
    public string BackUrl => $"/{Municipality.Slug}{(District is null ? string.Empty : "?district=" + Uri.EscapeDataString(District.Slug))}";

    public string Heading => IsMonth
        ? CultureInfo.GetCultureInfo("nb-NO").TextInfo.ToTitleCase(FromDate.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("nb-NO")))
        : t["Uke {0}, {1}–{2}", ISOWeek.GetWeekOfYear(FromDate.ToDateTime(TimeOnly.MinValue)), FromDate.ToString("d. MMMM", CultureInfo.GetCultureInfo("nb-NO")),
            ToDate.AddDays(-1).ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("nb-NO"))];

    public string PeriodLink(int step)
    {
        var from = IsMonth ? FromDate.AddMonths(step) : FromDate.AddDays(7 * step);
        return $"/{Municipality.Slug}/utskrift?district={Uri.EscapeDataString(District?.Slug ?? Filter.District ?? string.Empty)}"
            + (string.IsNullOrEmpty(Filter.Target) ? string.Empty : "&target=" + Uri.EscapeDataString(Filter.Target))
            + (IsMonth ? "&periode=maned" : string.Empty) + "&from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static DateOnly DefaultDay(DateOnly today, bool month) =>
        !month && today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? today.AddDays(today.DayOfWeek == DayOfWeek.Saturday ? 2 : 1) : today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        if (Period is not (null or "" or "uke" or "maned"))
        {
            Error = t["Velg uke eller måned."];
        }

        // The period is a whole ISO week or calendar month around the day asked for: a notice board shows whole weeks.
        // With no day asked for, the week to come: this week on weekdays, next week from Saturday, when this one is mostly past.
        var day = DefaultDay(clock.Today, IsMonth);
        if (!string.IsNullOrEmpty(Filter.From)
            && (!DateOnly.TryParseExact(Filter.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) || !CalendarBounds.Contains(day)))
        {
            Error = t["Datoen må skrives som ÅÅÅÅ-MM-DD, mellom {0} og {1}.", CalendarBounds.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CalendarBounds.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
            day = DefaultDay(clock.Today, IsMonth);
        }

        (FromDate, ToDate) = IsMonth
            ? (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1))
            : (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).AddDays(7));
        if (!CalendarBounds.Contains(FromDate) || !CalendarBounds.Contains(ToDate))
        {
            Error ??= t["Perioden er utenfor kalenderen."];
        }

        if (!string.IsNullOrEmpty(Filter.To))
        {
            Error ??= t["Utskriften viser en hel uke eller en hel måned: velg periode og en dato i den, ikke til-dato."];
        }

        // No district yet is not a mistake: this is where one is chosen.
        if (Error is null && string.IsNullOrEmpty(Filter.District))
        {
            ChooseDistrict = true;
            return Page();
        }

        var query = new CalendarQuery
        {
            District = Filter.District, Target = Filter.Target,
            From = FromDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To = ToDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var result = await query.ResolveAsync(db, catalog, clock, 7, t, ct);
        if (Error is null && result.Filter is null)
        {
            Error = string.Join(" ", result.Errors.Values);
        }

        if (Error is not null || result.Filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        District = Districts.Single(d => d.Slug == Filter.District);
        Items = await calendar.QueryAsync(result.Filter, ct);
        return Page();
    }
}
