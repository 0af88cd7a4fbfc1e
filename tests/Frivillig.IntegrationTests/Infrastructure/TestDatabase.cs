using Npgsql;

namespace Frivillig.IntegrationTests.Infrastructure;

/// <summary>
/// The database one test app runs on. By default a SQLite file in the app's own folder; with
/// FRIVILLIG_TEST_DATABASE=PostgreSql, a fresh database on the server FRIVILLIG_TEST_POSTGRES points
/// at (tests/run.sh starts a throw-away cluster and runs the whole suite once on each provider).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("FRIVILLIG_TEST_DATABASE"), "PostgreSql", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("FRIVILLIG_TEST_POSTGRES") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Port=54329;Username=frivillig";

    private readonly string? _databaseName;

    public TestDatabase(string folder)
    {
        if (IsPostgreSql)
        {
            _databaseName = "frivillig_test_" + Guid.NewGuid().ToString("N");
            using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\"", admin);
            create.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _databaseName }.ConnectionString;
        }
        else
        {
            SqlitePath = Path.Combine(folder, "frivillig.db");
            ConnectionString = $"Data Source={SqlitePath}";
        }
    }

    public string ConnectionString { get; }

    /// <summary>The SQLite file, when the provider is SQLite.</summary>
    public string? SqlitePath { get; }

    public void Dispose()
    {
        if (_databaseName is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
