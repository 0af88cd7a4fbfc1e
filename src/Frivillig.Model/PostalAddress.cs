namespace Frivillig.Model;

/// <summary>
/// A Norwegian postal address as residents write it: street and number, four-digit postcode, post town.
/// The street is what a map search needs; the rest makes the JSON-LD PostalAddress and the feed's LOCATION.
/// </summary>
public sealed record PostalAddress(string Street, string? PostalCode, string? City)
{
    public const int StreetMaxLength = 120;
    public const int CityMaxLength = 60;

    public string OneLine => PostalCode is null && City is null ? Street : $"{Street}, {string.Join(' ', new[] { PostalCode, City }.Where(x => x is not null))}";

    /// <summary>A map search for the address, on OpenStreetMap (no key, no tracking).</summary>
    public string MapUrl => "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(OneLine);

    public static PostalAddress? From(string? street, string? postalCode, string? city) =>
        string.IsNullOrWhiteSpace(street) ? null : new PostalAddress(street.Trim(), NullIfBlank(postalCode), NullIfBlank(city));

    /// <summary>Norwegian postcodes are four digits.</summary>
    public static bool IsPostalCode(string? s) => s is { Length: 4 } && s.All(char.IsAsciiDigit);

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
