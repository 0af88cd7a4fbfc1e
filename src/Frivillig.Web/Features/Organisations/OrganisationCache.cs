using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.OutputCaching;

namespace Frivillig.Web.Features.Organisations;

/// <summary>An approved organisation appears in the public list (API and pages) at once: its municipality's cached answers go.</summary>
internal sealed class OrganisationCache(IOutputCacheStore cache, MunicipalityDirectory directory) : IAfterCommitHandler<OrganisationApproved>
{
    public async Task HandleAsync(IReadOnlyList<OrganisationApproved> events, CancellationToken cancellationToken)
    {
        foreach (var id in events.Select(e => e.Organisation.MunicipalityId).Distinct())
        {
            if (await directory.FindByIdAsync(id, cancellationToken) is { } municipality)
            {
                await cache.EvictByTagAsync(Calendar.CalendarCache.Tag(municipality.Slug.ToLowerInvariant()), cancellationToken);
            }
        }
    }
}
