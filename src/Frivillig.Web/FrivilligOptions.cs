using System.ComponentModel.DataAnnotations;

namespace Frivillig.Web;

/// <summary>The <c>Frivillig</c> configuration section; appsettings.sample.json documents each key.</summary>
public sealed class FrivilligOptions
{
    public const string Section = "Frivillig";

    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Null means "true in Development, otherwise false".</summary>
    public bool? SeedDemoData { get; set; }

    public string? ContentPath { get; set; }

    [Url]
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where the app keeps its own files (mail pickup folder, data-protection keys); relative to the app.</summary>
    public string AppDataPath { get; set; } = "App_Data";
}


public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Frivillig <ikke-svar@frivillig.local>";
    public bool UseStartTls { get; set; }

    /// <summary>First retry after this many seconds, doubling each time up to an hour.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 4;
}
