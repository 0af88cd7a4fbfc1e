using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.OutputCaching;

namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// The public calendar (page, API, later feeds) is read far more than written, so responses are kept
/// in the output cache under a tag per municipality and evicted when one of its activities changes.
/// Signed-in users are not served from the cache (the default policy), so no personal page is shared.
/// </summary>
public static class CalendarCache
{
    /// <summary>Evicts a municipality's cached calendars and feeds once a change to one of its activities is committed.</summary>
    internal sealed class Eviction(IOutputCacheStore cache, MunicipalityDirectory directory) : IAfterCommitHandler<ActivityEvent>
    {
        public async Task HandleAsync(IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken)
        {
            foreach (var id in events.Select(e => e.Activity.MunicipalityId).Distinct())
            {
                if (await directory.FindByIdAsync(id, cancellationToken) is { } municipality)
                {
                    await cache.EvictByTagAsync(Tag(municipality.Slug.ToLowerInvariant()), cancellationToken);
                }
            }
        }
    }

    public const string Policy = "Calendar";

    public static string Tag(string municipalitySlug) => "calendar:" + municipalitySlug;

    public static IServiceCollection AddCalendarCache(this IServiceCollection services)
    {
        services.Configure<OutputCacheOptions>(o => o.AddPolicy(Policy, b => b
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            .Tag("calendar")
            .VaryByValue(ctx => new KeyValuePair<string, string>("m", ctx.GetRouteValue(TenantResolutionMiddleware.RouteKey) as string ?? string.Empty))
            .AddPolicy<MunicipalityTagPolicy>()));
        return services;
    }

    private sealed class MunicipalityTagPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.GetRouteValue(TenantResolutionMiddleware.RouteKey) is string slug)
            {
                context.Tags.Add(Tag(slug.ToLowerInvariant()));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            // Only successful answers are kept; a 400 for a bad filter is cheap to recompute.
            context.AllowCacheStorage &= context.HttpContext.Response.StatusCode == StatusCodes.Status200OK;
            return ValueTask.CompletedTask;
        }
    }
}
