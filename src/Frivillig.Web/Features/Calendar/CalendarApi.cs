using Frivillig.Web.Features.Activities;
using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Calendar;

/// <summary>The calendar as JSON: the same query as the page and the print view.</summary>
public static class CalendarApi
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "from", "to", "district", "category", "target", "dropin", "q" };

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/{m}/activities", ListOccurrencesAsync).WithTags("Aktiviteter").CacheCompressed()
            .WithName("ListOccurrences").WithSummary("Datoene til publiserte og avlyste aktiviteter i et tidsrom (standard: denne uken)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>One date of an activity. Times are local with their UTC offset, e.g. 2026-03-31T18:00:00+02:00.</summary>
    public sealed record OccurrenceDto(int ActivityId, string Title, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset OriginalStart,
        string District, string DistrictName, string Organisation, string Category, bool DropIn, string Status, int Sequence, string Url);

    private static async Task<Results<Ok<List<OccurrenceDto>>, ProblemHttpResult>> ListOccurrencesAsync(
        HttpContext http, [AsParameters] CalendarQueryParameters parameters, FrivilligDbContext db, ActivityCalendar calendar, Catalog catalog,
        MunicipalClock clock, LinkBuilder links, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var unknown = http.Request.Query.Keys.Where(k => !Known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.Problem(statusCode: 400, title: t["Ukjent filter"], detail: t["Ukjente parametere: {0}. Bruk from, to, district, category, target, dropin og q.", string.Join(", ", unknown)]);
        }

        var query = parameters.ToQuery();
        var result = await query.ResolveAsync(db, catalog, clock, 7, t, ct);
        if (result.Filter is null)
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }))
            {
                Status = 400,
                Title = t["Ugyldig forespørsel"],
            });
        }

        var slug = db.Tenant.Required.Slug;
        var items = await calendar.QueryAsync(result.Filter, ct);
        return TypedResults.Ok(items.Select(i => new OccurrenceDto(
            i.Activity.Id,
            i.Activity.Title,
            clock.WithOffset(i.Occurrence.Start),
            clock.WithOffset(i.Occurrence.End),
            clock.WithOffset(i.Occurrence.OriginalStart),
            i.Activity.DistrictSlug,
            i.Activity.DistrictName,
            i.Activity.OrganisationName,
            i.Activity.CategorySlug,
            i.Activity.IsDropIn,
            i.Cancelled ? "cancelled" : i.Occurrence.Moved ? "moved" : "scheduled",
            i.Activity.Sequence,
            links.Absolute($"/{slug}/aktiviteter/{i.Activity.Id}"))).ToList());
    }

    /// <summary>The query string as documented: lower-case names, dates as ÅÅÅÅ-MM-DD in the municipality's own time.</summary>
    public sealed class CalendarQueryParameters
    {
        /// <summary>Første dag (ÅÅÅÅ-MM-DD), standard mandag denne uken.</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "from")]
        public string? From { get; init; }

        /// <summary>Dagen etter siste dag (ÅÅÅÅ-MM-DD), høyst ett år etter from.</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "to")]
        public string? To { get; init; }

        /// <summary>Bydel eller distriktssenter (slug).</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "district")]
        public string? District { get; init; }

        /// <summary>Kategori (slug).</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "category")]
        public string? Category { get; init; }

        /// <summary>Målgruppe (slug).</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "target")]
        public string? Target { get; init; }

        /// <summary>true for bare drop-in, false for bare med påmelding.</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "dropin")]
        public string? DropIn { get; init; }

        /// <summary>Fritekst i tittel, beskrivelse, sted, arrangør og kategori (fulltekstsøk; norske ord med alle endelser).</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")]
        public string? Q { get; init; }

        public CalendarQuery ToQuery() => new() { From = From, To = To, District = District, Category = Category, Target = Target, DropIn = DropIn, Q = Q };
    }
}
