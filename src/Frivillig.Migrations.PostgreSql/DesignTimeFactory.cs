using Frivillig.Model;
using Frivillig.Model.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Frivillig.Migrations.PostgreSql;

/// <summary>Lets 'dotnet ef migrations add' build the model without starting the app; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FrivilligDbContext>
{
    public FrivilligDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FrivilligDbContext>().UseFrivilligDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=frivillig_design").Options, new TenantContext());
}
