using System.Globalization;
using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// The calendar's filters as they arrive in the query string, checked against the municipality's
/// districts and the catalog. Shared by the page, the print view and the API so all three agree.
/// </summary>
public sealed class CalendarQuery
{
    public const int MaxDays = 366;

    public string? District { get; set; }
    public string? Category { get; set; }
    public string? Target { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Q { get; set; }
    public string? DropIn { get; set; }

    public sealed record Result(CalendarFilter? Filter, Dictionary<string, string> Errors, DateOnly FromDate, DateOnly ToDate);

    /// <param name="defaultFrom">The first day when none is asked for: the page starts today, the API this ISO week's Monday.</param>
    public async Task<Result> ResolveAsync(FrivilligDbContext db, Catalog catalog, MunicipalClock clock, int defaultDays,
        Microsoft.Extensions.Localization.IStringLocalizer t, CancellationToken ct, DateOnly? defaultFrom = null)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(District) && !await db.Districts.AnyAsync(d => d.Slug == District, ct))
        {
            errors["district"] = t["Kommunen har ingen bydel eller distriktssenter «{0}».", Trim(District)];
        }

        if (!string.IsNullOrEmpty(Category) && catalog.Categories.All(c => c.Slug != Category))
        {
            errors["category"] = t["Ukjent kategori «{0}».", Trim(Category)];
        }

        if (!string.IsNullOrEmpty(Target) && catalog.TargetGroups.All(c => c.Slug != Target))
        {
            errors["target"] = t["Ukjent målgruppe «{0}».", Trim(Target)];
        }

        bool? dropIn = DropIn switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (DropIn is not (null or "" or "true" or "false"))
        {
            errors["dropin"] = t["dropin må være true eller false."];
        }

        if (Q is { Length: > 100 })
        {
            errors["q"] = t["Søketeksten kan være høyst 100 tegn."];
        }

        var first = defaultFrom ?? clock.WeekOf(clock.Now).Monday;
        var fromDate = first;
        if (!string.IsNullOrEmpty(From) && !DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out fromDate))
        {
            errors["from"] = t["Fra-dato må skrives som ÅÅÅÅ-MM-DD."];
            fromDate = first;
        }
        else if (!CalendarBounds.Contains(fromDate))
        {
            errors["from"] = t["Datoen må være mellom {0} og {1}.", Iso(CalendarBounds.Earliest), Iso(CalendarBounds.Latest)];
            fromDate = first;
        }

        var toDate = fromDate.AddDays(defaultDays);
        if (!string.IsNullOrEmpty(To) && !DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out toDate))
        {
            errors["to"] = t["Til-dato må skrives som ÅÅÅÅ-MM-DD."];
            toDate = fromDate.AddDays(defaultDays);
        }
        else if (!CalendarBounds.Contains(toDate))
        {
            errors["to"] = t["Datoen må være mellom {0} og {1}.", Iso(CalendarBounds.Earliest), Iso(CalendarBounds.Latest)];
            toDate = fromDate.AddDays(defaultDays);
        }

        if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (toDate <= fromDate)
            {
                errors["to"] = t["Til-dato må være etter fra-dato."];
            }
            else if (toDate > fromDate.AddYears(1))
            {
                errors["to"] = t["Perioden kan være høyst ett år."];
            }
        }

        if (errors.Count > 0)
        {
            // The page still draws around the refused period: the default one, not the (maybe huge) one asked for.
            return new Result(null, errors, first, first.AddDays(defaultDays));
        }

        var filter = new CalendarFilter(NullIfEmpty(District), NullIfEmpty(Category), NullIfEmpty(Target), dropIn, NullIfEmpty(Q),
            clock.StartOf(fromDate), clock.StartOf(toDate));
        return new Result(filter, errors, fromDate, toDate);
    }

    /// <summary>The query string with one value replaced (null removes it), for links that keep the other filters.</summary>
    public string With(string key, string? value)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["district"] = District,
            ["category"] = Category,
            ["target"] = Target,
            ["dropin"] = DropIn,
            ["q"] = Q,
            ["from"] = From,
            ["to"] = To,
        };
        values[key] = value;
        var parts = values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}");
        var query = string.Join("&", parts);
        return query.Length == 0 ? string.Empty : "?" + query;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Trim(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
