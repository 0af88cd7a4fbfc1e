using Microsoft.EntityFrameworkCore;

namespace Frivillig.Model.Tenancy;

/// <summary>Refuses, at SaveChanges, any write to a tenant-owned row outside the request's municipality.</summary>
public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);

internal static class TenantWriteGuard
{
    public static void Check(DbContext db, TenantContext tenant)
    {
        if (tenant.IsSystem)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var current = tenant.MunicipalityId
                ?? throw new CrossTenantWriteException($"A {entry.Metadata.ClrType.Name} was written with no municipality in the request.");

            if (entry.State == EntityState.Added && entry.Entity.MunicipalityId == 0)
            {
                entry.Entity.MunicipalityId = current;
            }

            var original = entry.State == EntityState.Added
                ? entry.Entity.MunicipalityId
                : entry.Property(e => e.MunicipalityId).OriginalValue;

            if (entry.Entity.MunicipalityId != current || original != current)
            {
                throw new CrossTenantWriteException($"A {entry.Metadata.ClrType.Name} of another municipality cannot be changed here.");
            }
        }
    }
}
