using Frivillig.Web.Features.Activities;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// The public calendar (page, API, later feeds) is read far more than written, so responses are kept
/// in the output cache under a tag per municipality and evicted when one of its activities changes.
/// Signed-in users are not served from the cache (the default policy), so no personal page is shared.
/// </summary>
public static class CalendarCache
{
    public const string Policy = "Calendar";

    public static string Tag(string municipalitySlug) => "calendar:" + municipalitySlug;

    public static IServiceCollection AddCalendarCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            .Tag("calendar")
            .VaryByValue(ctx => new KeyValuePair<string, string>("m", ctx.GetRouteValue(TenantResolutionMiddleware.RouteKey) as string ?? string.Empty))
            .AddPolicy<MunicipalityTagPolicy>()));
        services.AddSingleton<CalendarEvictionInterceptor>();
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

/// <summary>After a SaveChanges that touched activities or their dates, evicts those municipalities' cached calendars.</summary>
public sealed class CalendarEvictionInterceptor(IOutputCacheStore store, IServiceScopeFactory scopes) : SaveChangesInterceptor
{
    // Per DbContext instance: what its current SaveChanges touched.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, HashSet<int>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictAsync(eventData.Context, cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return base.SavedChanges(eventData, result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var ids = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Activity or DateChange)
            .Select(e => ((ITenantOwned)e.Entity).MunicipalityId)
            .ToHashSet();
        if (ids.Count > 0)
        {
            _pending.AddOrUpdate(context, ids);
        }
    }

    private async ValueTask EvictAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var ids))
        {
            return;
        }

        _pending.Remove(context);
        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<MunicipalityDirectory>();
        foreach (var m in await directory.ListAsync(cancellationToken))
        {
            if (ids.Contains(m.Id))
            {
                await store.EvictByTagAsync(CalendarCache.Tag(m.Slug.ToLowerInvariant()), cancellationToken);
            }
        }
    }
}
