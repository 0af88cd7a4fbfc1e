using System.Globalization;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Admin;

/// <summary>
/// The plans ask for low-threshold, rusfrie meeting places in every bydel and distriktssenter, and for
/// mapping where they are missing. For a chosen period: per district, how many offers run (and how many
/// are drop-in, free, step-free), and per district and target group how many; the gaps marked. An
/// offer is an activity with at least one date in the period that is not cancelled.
/// </summary>
public sealed class OverviewModel(FrivilligDbContext db, ActivityCalendar calendar, Catalog catalog, MunicipalClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public sealed record DistrictRow(District District, int Offers, int DropIn, int Free, int StepFree, IReadOnlyDictionary<string, int> ByTarget);

    public IReadOnlyList<DistrictRow> Rows { get; private set; } = [];
    public IReadOnlyList<CatalogEntry> Targets => catalog.TargetGroups;
    public Dictionary<string, string> Errors { get; } = [];
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public string MunicipalityName => db.Tenant.Required.Name;
    public string Slug => db.Tenant.Required.Slug;
    public string Query => $"from={FromDate:yyyy-MM-dd}&to={ToDate:yyyy-MM-dd}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        var header = new[] { t["Bydel eller distriktssenter"].Value, t["Tilbud"].Value, t["Drop-in"].Value, t["Gratis"].Value, t["Trinnfri adkomst"].Value }
            .Concat(Targets.Select(g => g.Name));
        var rows = Rows.Select(r => new[] { r.District.Name, Num(r.Offers), Num(r.DropIn), Num(r.Free), Num(r.StepFree) }
            .Concat(Targets.Select(g => Num(r.ByTarget[g.Slug]))));
        return File(Activities.Manage.SignUpList.Csv(header, rows), "text/csv; charset=utf-8",
            string.Create(CultureInfo.InvariantCulture, $"moteplasser-{Slug}-{FromDate:yyyy-MM-dd}-{ToDate:yyyy-MM-dd}.csv"));
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        FromDate = clock.Today;
        ToDate = FromDate.AddDays(28);
        if (!string.IsNullOrEmpty(From) && !(DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) && CalendarBounds.Contains(from)))
        {
            Errors["from"] = t["Fra-dato må skrives som ÅÅÅÅ-MM-DD, mellom {0} og {1}.", Iso(CalendarBounds.Earliest), Iso(CalendarBounds.Latest)];
        }
        else if (!string.IsNullOrEmpty(From))
        {
            FromDate = DateOnly.ParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            ToDate = FromDate.AddDays(28);
        }

        if (!string.IsNullOrEmpty(To) && !(DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) && CalendarBounds.Contains(to)))
        {
            Errors["to"] = t["Til-dato må skrives som ÅÅÅÅ-MM-DD, mellom {0} og {1}.", Iso(CalendarBounds.Earliest), Iso(CalendarBounds.Latest)];
        }
        else if (!string.IsNullOrEmpty(To))
        {
            ToDate = DateOnly.ParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (Errors.Count == 0 && ToDate <= FromDate)
        {
            Errors["to"] = t["Til-dato må være etter fra-dato."];
        }
        else if (Errors.Count == 0 && ToDate.DayNumber - FromDate.DayNumber > CalendarQuery.MaxDays)
        {
            Errors["to"] = t["Perioden kan være høyst ett år."];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            FromDate = clock.Today;
            ToDate = FromDate.AddDays(28);
            return false;
        }

        var items = await calendar.QueryAsync(new CalendarFilter(null, null, null, null, null, clock.StartOf(FromDate), clock.StartOf(ToDate)), ct);
        var offers = items.Where(i => !i.Cancelled).GroupBy(i => i.Activity.Id).Select(g => g.First().Activity).ToList();
        var stepFree = (await db.Activities.Where(a => a.Accessibility.Contains(",trinnfri,")).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        Rows = [.. districts.Select(d =>
        {
            var here = offers.Where(o => o.DistrictSlug == d.Slug).ToList();
            return new DistrictRow(d, here.Count, here.Count(o => o.IsDropIn), here.Count(o => o.PriceNok is null), here.Count(o => stepFree.Contains(o.Id)),
                Targets.ToDictionary(g => g.Slug, g => here.Count(o => o.TargetGroups.Contains("," + g.Slug + ",", StringComparison.Ordinal))));
        })];
        return true;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
