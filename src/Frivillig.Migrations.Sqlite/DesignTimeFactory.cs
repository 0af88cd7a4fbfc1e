using Frivillig.Model;
using Frivillig.Model.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Frivillig.Migrations.Sqlite;

/// <summary>Lets 'dotnet ef migrations add' build the model without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FrivilligDbContext>
{
    public FrivilligDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FrivilligDbContext>().UseFrivilligDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db").Options, new TenantContext());
}
