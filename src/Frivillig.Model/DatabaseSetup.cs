namespace Frivillig.Model;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The one place a provider is chosen, used by the app and by each migrations project's design-time
/// factory, so what `dotnet ef` sees is what the app runs.
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "Frivillig.Migrations.Sqlite";
    public const string PostgreSqlMigrations = "Frivillig.Migrations.PostgreSql";

    public static TBuilder UseFrivilligDatabase<TBuilder>(this TBuilder db, DatabaseProvider provider, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                db.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));
                break;
            case DatabaseProvider.PostgreSql:
                db.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Frivillig:Database must be Sqlite or PostgreSql.");
        }

        db.UseOpenIddict();
        return db;
    }
}
