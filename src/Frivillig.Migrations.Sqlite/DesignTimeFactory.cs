using Frivillig.Web.Data;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Frivillig.Migrations.Sqlite;

/// <summary>Lets 'dotnet ef migrations add' build the model without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FrivilligDbContext>
{
    public FrivilligDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FrivilligDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(DesignTimeFactory).Assembly))
            .UseOpenIddict()
            .Options;
        return new FrivilligDbContext(options, new TenantContext());
    }
}
