namespace Frivillig.Web.Hosting;

/// <summary>
/// Where the app finds its wwwroot, appsettings.json and App_Data. A published app (its folder has a
/// wwwroot) uses its own folder wherever it is started from; `dotnet run` keeps the project folder,
/// whose wwwroot the build serves. An explicit --contentRoot or ASPNETCORE_CONTENTROOT wins.
/// </summary>
internal static class ContentRoot
{
    public static string? Default(string[] args)
    {
        var explicitlySet = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return !explicitlySet && Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
    }
}
