namespace Frivillig.Model.Tenancy;

/// <summary>
/// The municipality of the current request, resolved from the route's first segment.
/// Unset means "no tenant": tenant-owned queries then return nothing (fail closed).
/// </summary>
public sealed class TenantContext
{
    public Municipality? Municipality { get; private set; }

    public int? MunicipalityId => Municipality?.Id;

    /// <summary>Start-up seeding and platform administration write across tenants on purpose.</summary>
    public bool IsSystem { get; private set; }

    public Municipality Required =>
        Municipality ?? throw new InvalidOperationException("This operation needs a municipality from the route, and there is none.");

    public void Set(Municipality municipality)
    {
        if (Municipality is not null && Municipality.Id != municipality.Id)
        {
            throw new InvalidOperationException("The tenant of a request cannot change once set.");
        }

        Municipality = municipality;
    }

    public IDisposable EnterSystemScope()
    {
        var previous = IsSystem;
        IsSystem = true;
        return new Scope(() => IsSystem = previous);
    }

    private sealed class Scope(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}
