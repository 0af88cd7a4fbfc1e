using System.Globalization;
using Frivillig.Model.Premises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Premises;

/// <summary>Premises as JSON: the list with its filters, one building, and its rooms' busy times (never who or why for a private booking).</summary>
public static class PremisesApi
{
    public static IEndpointRouteBuilder MapPremisesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/{m}/premises").WithTags("Lokaler");
        app.MapGet("/api/v1/{m}/premises", ListAsync).WithTags("Lokaler").WithName("ListPremises").WithSummary("Bygg med rom som kan lånes eller leies, etter bydel")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", GetAsync).WithName("GetPremises").WithSummary("Ett bygg med rommene sine")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}/availability", AvailabilityAsync).WithName("GetPremisesAvailability")
            .WithSummary("Opptatte og stengte tider per rom i et tidsrom (standard: fra i dag og fire uker fram), med tidssone")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record WindowDto(string Weekday, string Opens, string Closes);

    public sealed record RoomDto(int Id, string Name, int? PartOf, int Capacity, IReadOnlyList<string> Equipment, string? Rules, decimal PricePerHourNok,
        bool FreeForNonProfits, IReadOnlyList<WindowDto> Windows);

    public sealed record BuildingDto(int Id, string Name, string Kind, string District, string DistrictName, string StreetAddress, string? PostalCode, string? City,
        double? Latitude, double? Longitude, string? OpeningNotes, IReadOnlyList<string> Accessibility, string? ContactName, string? ContactPhone, string? ContactEmail,
        string Url, IReadOnlyList<RoomDto> Rooms);

    public sealed record BusyDto(DateTimeOffset Start, DateTimeOffset End, string Status, string? Activity);

    /// <summary>A time the room cannot be booked (holiday, school event, maintenance), with the reason the municipality gives.</summary>
    public sealed record ClosureDto(DateTimeOffset Start, DateTimeOffset End, string Reason);

    public sealed record RoomAvailabilityDto(int RoomId, string Name, IReadOnlyList<BusyDto> Busy, IReadOnlyList<ClosureDto> Closures);

    public sealed record AvailabilityDto(int PremisesId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<RoomAvailabilityDto> Rooms);

    /// <summary>The list's query string: kind, district, capacity, equipment and accessibility (comma-separated), and free at date + from–to.</summary>
    public sealed class ListParameters
    {
        /// <summary>Skole, Samfunnshus, Bibliotek, Ungdomsklubb, Idrettshall eller Kulturhus.</summary>
        [FromQuery(Name = "kind")] public string? Kind { get; init; }

        /// <summary>Bydel eller distriktssenter (slug).</summary>
        [FromQuery(Name = "district")] public string? District { get; init; }

        /// <summary>Minst så mange personer.</summary>
        [FromQuery(Name = "capacity")] public string? Capacity { get; init; }

        /// <summary>Utstyr, kommaseparert: kjokken, projektor, gymgulv, piano, lydanlegg, scene, garderobe, wifi.</summary>
        [FromQuery(Name = "equipment")] public string? Equipment { get; init; }

        /// <summary>Tilgjengelighet, kommaseparert: trinnfri, toalett, teleslynge, heis.</summary>
        [FromQuery(Name = "accessibility")] public string? Accessibility { get; init; }

        /// <summary>Ledig denne dagen (ÅÅÅÅ-MM-DD), sammen med from og to.</summary>
        [FromQuery(Name = "date")] public string? Date { get; init; }

        /// <summary>Ledig fra klokkeslett (TT:MM).</summary>
        [FromQuery(Name = "from")] public string? From { get; init; }

        /// <summary>Ledig til klokkeslett (TT:MM).</summary>
        [FromQuery(Name = "to")] public string? To { get; init; }
    }

    /// <summary>Parses the filters; the errors by parameter name, in Norwegian.</summary>
    public static (PremisesFilter? Filter, Dictionary<string, string[]> Errors) Parse(string? kind, string? district, string? capacity, string? equipment,
        string? accessibility, string? date, string? from, string? to, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        BuildingKind? k = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (Enum.TryParse<BuildingKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
            {
                k = parsed;
            }
            else
            {
                errors["kind"] = [t["Ukjent type bygg."]];
            }
        }

        int? min = null;
        if (!string.IsNullOrEmpty(capacity))
        {
            if (int.TryParse(capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 100_000)
            {
                min = c;
            }
            else
            {
                errors["capacity"] = [t["Antall personer må være et helt tall over null."]];
            }
        }

        var eq = Split(equipment);
        if (eq.Any(e => !Room.EquipmentNames.ContainsKey(e)))
        {
            errors["equipment"] = [t["Ukjent utstyr. Bruk {0}.", string.Join(", ", Room.EquipmentNames.Keys)]];
        }

        var acc = Split(accessibility);
        if (acc.Any(a => !PremisesQuery.AccessibilityNames.ContainsKey(a)))
        {
            errors["accessibility"] = [t["Ukjent tilgjengelighet. Bruk {0}.", string.Join(", ", PremisesQuery.AccessibilityNames.Keys)]];
        }

        DateOnly? day = null;
        TimeOnly? fromTime = null, toTime = null;
        if (!string.IsNullOrEmpty(date) || !string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to))
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                errors["date"] = [t["Skriv datoen som ÅÅÅÅ-MM-DD."]];
            }
            else if (!CalendarBounds.Contains(d))
            {
                errors["date"] = [OutOfRange(t)];
            }
            else
            {
                day = d;
            }

            if (!TimeOnly.TryParseExact(from, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f))
            {
                errors["from"] = [t["Skriv klokkeslettet som TT:MM."]];
            }
            else
            {
                fromTime = f;
            }

            if (!TimeOnly.TryParseExact(to, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) || (fromTime is { } ft && e <= ft))
            {
                errors["to"] = [t["Sluttid må være et klokkeslett (TT:MM) etter starttid."]];
            }
            else
            {
                toTime = e;
            }
        }

        return errors.Count > 0 ? (null, errors) : (new PremisesFilter(k, string.IsNullOrEmpty(district) ? null : district, min, eq, acc, day, fromTime, toTime), errors);
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static async Task<Results<Ok<List<BuildingDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListParameters p, FrivilligDbContext db,
        PremisesQuery query, LinkBuilder links, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (filter, errors) = Parse(p.Kind, p.District, p.Capacity, p.Equipment, p.Accessibility, p.Date, p.From, p.To, t);
        if (filter is null)
        {
            return TypedResults.Problem(new ValidationProblemDetails(errors) { Status = 400, Title = t["Ugyldig forespørsel"] });
        }

        if (filter.District is { } district && !await db.Districts.AnyAsync(d => d.Slug == district, ct))
        {
            return TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { ["district"] = [t["Ukjent bydel."]] })
                { Status = 400, Title = t["Ugyldig forespørsel"] });
        }

        var buildings = await query.BuildingsAsync(filter, MunicipalClock.ZoneOf(db.Tenant.Required), ct);
        return TypedResults.Ok(buildings.Select(b => ToDto(b, db.Tenant.Required.Slug, links)).ToList());
    }

    private static async Task<Results<Ok<BuildingDto>, ProblemHttpResult>> GetAsync(int id, FrivilligDbContext db, PremisesQuery query, LinkBuilder links,
        IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await query.BuildingAsync(id, ct) is { } building
            ? TypedResults.Ok(ToDto(building, db.Tenant.Required.Slug, links))
            : TypedResults.Problem(statusCode: 404, title: t["Fant ikke lokalet"]);

    private static async Task<Results<Ok<AvailabilityDto>, ProblemHttpResult>> AvailabilityAsync(int id, [FromQuery(Name = "from")] string? from,
        [FromQuery(Name = "to")] string? to, FrivilligDbContext db, PremisesQuery query, MunicipalClock clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (window, errors) = ParseWindow(from, to, clock, t);
        if (window is not { } w)
        {
            return TypedResults.Problem(new ValidationProblemDetails(errors) { Status = 400, Title = t["Ugyldig forespørsel"] });
        }

        if (await query.BuildingAsync(id, ct) is not { } building)
        {
            return TypedResults.Problem(statusCode: 404, title: t["Fant ikke lokalet"]);
        }

        var busy = await query.BusyAsync(building.Rooms, w.From, w.To, ct);
        var titles = await query.PublicActivityTitlesAsync(busy, ct);
        var closed = await query.ClosedAsync(building.Rooms, w.From, w.To, ct);
        return TypedResults.Ok(new AvailabilityDto(building.Id, clock.WithOffset(w.From), clock.WithOffset(w.To), [.. building.Rooms.OrderBy(r => r.Id).Select(r =>
            new RoomAvailabilityDto(r.Id, r.Name, [.. busy.Where(b => b.RoomId == r.Id).Select(b => new BusyDto(clock.WithOffset(b.Start), clock.WithOffset(b.End), b.Status,
                b.ActivityId is { } a ? titles.GetValueOrDefault(a) : null))],
                [.. closed.Where(c => c.RoomId == r.Id).Select(c => new ClosureDto(clock.WithOffset(c.Start), clock.WithOffset(c.End), c.Reason))]))]));
    }

    /// <summary>from and to as local dates (to exclusive); from defaults to today, to to four weeks after from; at most a year.</summary>
    public static ((DateTimeOffset From, DateTimeOffset To)? Window, Dictionary<string, string[]> Errors) ParseWindow(string? from, string? to, MunicipalClock clock, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = clock.Today;
        if (!string.IsNullOrEmpty(from) && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            errors["from"] = [t["Skriv datoen som ÅÅÅÅ-MM-DD."]];
        }
        else if (!CalendarBounds.Contains(first))
        {
            errors["from"] = [OutOfRange(t)];
        }

        var last = errors.Count == 0 ? first.AddDays(28) : first;
        if (!string.IsNullOrEmpty(to) && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last))
        {
            errors["to"] = [t["Skriv datoen som ÅÅÅÅ-MM-DD."]];
        }
        else if (!CalendarBounds.Contains(last))
        {
            errors["to"] = [OutOfRange(t)];
        }
        else if (errors.Count == 0 && last <= first)
        {
            errors["to"] = [t["to må være etter from."]];
        }
        else if (errors.Count == 0 && last > first.AddYears(1))
        {
            // to is exclusive: a year from 1 January runs to 1 January the next year, leap year or not, as in the calendar API.
            errors["to"] = [t["Perioden kan være høyst ett år."]];
        }

        return errors.Count > 0 ? (null, errors) : ((clock.StartOf(first), clock.StartOf(last)), errors);
    }

    private static string OutOfRange(IStringLocalizer t) => t["Datoen må være mellom {0} og {1}.",
        CalendarBounds.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CalendarBounds.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    public static BuildingDto ToDto(Building b, string municipality, LinkBuilder links) => new(b.Id, b.Name, b.Kind.ToString(), b.District?.Slug ?? string.Empty,
        b.District?.Name ?? string.Empty, b.StreetAddress, b.PostalCode, b.City, b.Latitude, b.Longitude, b.OpeningNotes, b.AccessibilityTexts(), b.ContactName,
        b.ContactPhone, b.ContactEmail, links.Absolute($"/{municipality}/lokaler/{b.Id}"),
        [.. b.Rooms.Select(r => new RoomDto(r.Id, r.Name, r.ParentRoomId, r.Capacity, r.EquipmentSlugs, r.Rules, r.PricePerHourNok ?? 0, r.FreeForNonProfits,
            [.. r.Windows.OrderBy(w => ((int)w.Weekday + 6) % 7).ThenBy(w => w.Opens).Select(w => new WindowDto(w.Weekday.ToString(), w.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), w.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)))]))]);
}
