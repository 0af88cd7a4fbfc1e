using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Organisations;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/{m}/organisations", ListApprovedAsync).WithTags("Organisasjoner")
            .CacheCompressed().WithName("ListOrganisations").WithSummary("Godkjente organisasjoner i kommunen").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record OrganisationDto(int Id, string Slug, string Name, OrganisationKind Kind, string? OrganisationNumber,
        string? Description, string? Website, IReadOnlyList<string> Districts);

    /// <summary>Only approved organisations are public; pending and rejected ones are the municipality's business.</summary>
    private static async Task<Ok<List<OrganisationDto>>> ListApprovedAsync(FrivilligDbContext db, CancellationToken ct)
    {
        var list = await db.Organisations.AsNoTracking()
            .Where(o => o.Status == ApprovalStatus.Approved)
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationDto(o.Id, o.Slug, o.Name, o.Kind, o.OrganisationNumber, o.Description, o.Website,
                o.Districts.Select(d => d.District!.Slug).ToList()))
            .ToListAsync(ct);
        return TypedResults.Ok(list);
    }
}
