using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MimeKit;

namespace Frivillig.Web;

/// <summary>
/// An e-mail address as the mail and calendar libraries will use it: a plain addr-spec (no display
/// name, no quoted or bracketed parts), a domain with a dot, and accepted by MimeKit and by a
/// <c>mailto:</c> URI (Ical.Net's attendee). The framework's [EmailAddress] only checks for one '@'.
/// </summary>
public static class EmailAddresses
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~.";

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 254)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1 || at > 64)
        {
            return false;
        }

        var local = value[..at];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsLetterOrDigit(c) || AtomSpecials.Contains(c)))
        {
            return false;
        }

        string domain;
        try
        {
            domain = new IdnMapping().GetAscii(value[(at + 1)..]);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-')
            || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) || labels[^1].All(char.IsAsciiDigit))
        {
            return false;
        }

        return MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address == value
            && Uri.TryCreate("mailto:" + value, UriKind.Absolute, out _);
    }
}

/// <summary>[Email] on a form field: see <see cref="EmailAddresses"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EmailAttribute : ValidationAttribute
{
    public EmailAttribute()
    {
        // Set as ErrorMessage (not the base default) so the data-annotations localizer translates it.
        ErrorMessage = "Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.";
    }

    public override bool IsValid(object? value) => value is not string s || s.Length == 0 || EmailAddresses.IsValid(s.Trim());
}
