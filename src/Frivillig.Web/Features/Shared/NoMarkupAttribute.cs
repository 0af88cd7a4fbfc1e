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

    /// <summary>A line break is no markup: saying "HTML-kode" about it would leave the person guessing.</summary>
    public const string ControlCharacterMessage = "Feltet kan ikke inneholde linjeskift eller kontrolltegn.";

    public override bool IsValid(object? value) => Problem(value) is null;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Problem(value) switch
        {
            null => ValidationResult.Success,
            var message => new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null),
        };

    private string? Problem(object? value)
    {
        if (value is not string s || s.Length == 0)
        {
            return null;
        }

        if (Markup().IsMatch(s))
        {
            return ErrorMessageString;
        }

        foreach (var c in s)
        {
            if (char.IsControl(c) && !(AllowLineBreaks && c is '\r' or '\n' or '\t'))
            {
                return ControlCharacterMessage;
            }

            if (c is '\u2028' or '\u2029' && !AllowLineBreaks)
            {
                return ControlCharacterMessage;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<\s*[a-zA-Z/!?]|[<>]\s*$|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}
