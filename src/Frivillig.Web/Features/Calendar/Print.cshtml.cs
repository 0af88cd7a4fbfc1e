using Frivillig.Web.Features.Activities;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Calendar;

/// <summary>One district's week on A4 in large type, for notice boards and residents who are not online.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CalendarCache.Policy)]
public sealed class PrintModel(FrivilligDbContext db, ActivityCalendar calendar, Catalog catalog, MunicipalClock clock, LinkBuilder links, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CalendarQuery Filter { get; set; } = new();

    public Municipality Municipality => db.Tenant.Required;
    public TimeZoneInfo Zone => clock.Zone;
    public IReadOnlyList<CalendarItem> Items { get; private set; } = [];
    public string? Error { get; private set; }
    public string DistrictName { get; private set; } = string.Empty;
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public string PublicUrl => links.Absolute($"/{Municipality.Slug}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Filter.District))
        {
            Error = t["Velg en bydel eller et distriktssenter i kalenderen først."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await Filter.ResolveAsync(db, catalog, clock, 7, t, ct);
        FromDate = result.FromDate;
        ToDate = result.ToDate;
        if (result.Filter is null)
        {
            Error = string.Join(" ", result.Errors.Values);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        DistrictName = await db.Districts.Where(d => d.Slug == Filter.District).Select(d => d.Name).SingleAsync(ct);
        Items = await calendar.QueryAsync(result.Filter, ct);
        return Page();
    }
}
