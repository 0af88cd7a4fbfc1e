using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Frivillig.Web;

/// <summary>
/// Rejects markup and control characters in plain-text fields (names, contacts, titles). Output is
/// always encoded anyway; this gives the person a clear message instead of storing what looks like
/// an attack, and keeps CR/LF out of anything that may end up in a mail header or calendar line.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class NoMarkupAttribute : ValidationAttribute
{
    public bool AllowLineBreaks { get; init; }

    public NoMarkupAttribute()
        : base("Feltet kan ikke inneholde HTML-kode eller spesialtegn som < og >.")
    {
    }

    public override bool IsValid(object? value)
    {
        if (value is not string s || s.Length == 0)
        {
            return true;
        }

        if (Markup().IsMatch(s))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (char.IsControl(c) && !(AllowLineBreaks && c is '\r' or '\n' or '\t'))
            {
                return false;
            }

            if (c is '\u2028' or '\u2029' && !AllowLineBreaks)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"<\s*[a-zA-Z/!?]|[<>]\s*$|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}
