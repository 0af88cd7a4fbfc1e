using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Tenancy;

/// <summary>
/// Runs after routing: an endpoint whose route has <c>{m}</c> gets its municipality here, or a 404
/// before any handler runs. Municipalities are few and change rarely, so they are cached briefly.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string RouteKey = "m";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, MunicipalityDirectory directory)
    {
        if (context.GetRouteValue(RouteKey) is string slug)
        {
            var municipality = await directory.FindAsync(slug, context.RequestAborted);
            if (municipality is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(
                        statusCode: StatusCodes.Status404NotFound,
                        title: "Ukjent kommune",
                        detail: $"Det finnes ingen kommune med adressen «{slug}».").ExecuteAsync(context);
                }

                return;
            }

            tenant.Set(municipality);
        }

        await next(context);
    }
}

/// <summary>A small read-through cache of municipalities by slug, cleared when one is created.</summary>
public sealed class MunicipalityDirectory(IServiceScopeFactory scopes)
{
    private volatile IReadOnlyDictionary<string, Municipality>? _bySlug;

    public async Task<Municipality?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var all = await GetAllAsync(cancellationToken);
        return all.TryGetValue(slug, out var m) ? m : null;
    }

    public async Task<Municipality?> FindByIdAsync(int id, CancellationToken cancellationToken) =>
        (await GetAllAsync(cancellationToken)).Values.FirstOrDefault(m => m.Id == id);

    public async Task<IReadOnlyList<Municipality>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await GetAllAsync(cancellationToken)).Values.OrderBy(m => m.Name, StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false))];

    public void Invalidate() => _bySlug = null;

    private async Task<IReadOnlyDictionary<string, Municipality>> GetAllAsync(CancellationToken cancellationToken)
    {
        if (_bySlug is { } cached)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        var list = await db.Municipalities.AsNoTracking().ToListAsync(cancellationToken);
        var map = list.ToDictionary(m => m.Slug, StringComparer.OrdinalIgnoreCase);
        _bySlug = map;
        return map;
    }
}
