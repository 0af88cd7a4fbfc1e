namespace Frivillig.Web.Tenancy;

/// <summary>Top-level paths the app itself uses; a municipality slug may not shadow them.</summary>
public static class ReservedSlugs
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "konto", "admin", "api", "ical", "hubs", "health", "connect", "openapi", "css", "js", "lib",
        "img", "favicon.ico", "favicon.svg", ".well-known", "error", "feil", "personvern", "om", "tilgjengelighet", "bilder",
    };

    public static bool IsReserved(string slug) => Reserved.Contains(slug);
}
