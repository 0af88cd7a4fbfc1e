using System.Globalization;
using System.Text;

namespace Frivillig.Web;

/// <summary>URL slugs from Norwegian names: "Tromsø Røde Kors" becomes "tromso-rode-kors".</summary>
public static class Slugs
{
    public static string From(string? name, int maxLength = 60)
    {
        var sb = new StringBuilder();
        // By rune, not by char: an emoji is two chars, and normalising half of one throws.
        foreach (var rune in (name ?? string.Empty).Trim().ToLowerInvariant().EnumerateRunes())
        {
            var mapped = rune.Value switch
            {
                'æ' => "ae",
                'ø' => "o",
                'å' => "a",
                _ => null,
            };
            if (mapped is not null)
            {
                sb.Append(mapped);
                continue;
            }

            foreach (var d in rune.ToString().Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetterOrDigit(d))
                {
                    sb.Append(d);
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length > maxLength ? slug[..maxLength].TrimEnd('-') : slug;
    }

    public static bool IsValid(string slug) =>
        slug.Length is >= 2 and <= 60 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !slug.StartsWith('-') && !slug.EndsWith('-');
}
