namespace Frivillig.Web.Features.Organisations;

/// <summary>
/// Norwegian organisation number (Enhetsregisteret): nine digits, the last a MOD11 check digit
/// with weights 3 2 7 6 5 4 3 2. A remainder giving check digit 10 means the number was never issued.
/// </summary>
public static class OrganisationNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>Strips the spaces people type ("923 609 016") and validates.</summary>
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var digits = input.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal);
        if (!IsValid(digits))
        {
            return false;
        }

        normalized = digits;
        return true;
    }

    public static bool IsValid(string? number)
    {
        if (number is not { Length: 9 } || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (number[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        var check = remainder == 0 ? 0 : 11 - remainder;
        return check != 10 && check == number[8] - '0';
    }
}
