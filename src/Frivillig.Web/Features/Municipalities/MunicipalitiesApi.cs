using Frivillig.Web.Hosting;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Municipalities;

public static class MunicipalitiesApi
{
    public static IEndpointRouteBuilder MapMunicipalitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/municipalities", ListMunicipalitiesAsync).WithTags("Kommuner")
            .CacheCompressed().WithName("ListMunicipalities").WithSummary("Alle kommunene på Frivillig");
        app.MapGet("/api/v1/{m}/districts", ListDistrictsAsync).WithTags("Kommuner")
            .CacheCompressed().WithName("ListDistricts").WithSummary("Kommunens bydeler og distriktssentre").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record MunicipalityDto(string Slug, string Name, string TimeZone);

    public sealed record DistrictDto(string Slug, string Name, DistrictKind Kind);

    private static async Task<Ok<List<MunicipalityDto>>> ListMunicipalitiesAsync(MunicipalityDirectory directory, CancellationToken ct) =>
        TypedResults.Ok((await directory.ListAsync(ct)).Select(m => new MunicipalityDto(m.Slug, m.Name, m.TimeZoneId)).ToList());

    private static async Task<Ok<List<DistrictDto>>> ListDistrictsAsync(FrivilligDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Districts.AsNoTracking()
            .OrderBy(d => d.Kind).ThenBy(d => d.Name)
            .Select(d => new DistrictDto(d.Slug, d.Name, d.Kind))
            .ToListAsync(ct));
}
