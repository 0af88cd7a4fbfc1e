using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Frivillig.Web.Features.Accounts;

internal static class AccountLinks
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Only local paths are followed after sign-in; anything else goes to Min side. Control characters
    /// are refused (a header cannot carry them) and other non-ASCII is percent-encoded, so the
    /// Location header is always valid.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000 || returnUrl.Any(char.IsControl)
            || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal))
        {
            return "/konto";
        }

        var sb = new StringBuilder(returnUrl.Length);
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                sb.Append((char)rune.Value);
            }
            else if (rune.Value is 0x2028 or 0x2029 || Rune.IsControl(rune))
            {
                return "/konto";
            }
            else
            {
                sb.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return sb.ToString();
    }
}
