namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// The Snowball stemmer for Norwegian (Bokmål), the same algorithm PostgreSQL's 'norwegian' search
/// configuration uses. SQLite's full-text engine has no Norwegian stemmer, so the search stems the words
/// a resident types and looks them up by prefix: "turer" and "turen" both search "tur*".
/// See https://snowballstem.org/algorithms/norwegian/stemmer.html.
/// </summary>
public static class NorwegianStemmer
{
    private const string Vowels = "aeiouyæåø";

    // Longest first within each step, as the algorithm asks.
    private static readonly string[] Step1Suffixes =
    [
        "hetenes", "hetene", "hetens", "endes", "heten", "heter", "ande", "ende", "edes", "enes", "erte", "ede", "ane", "ene", "ens", "ers", "ets", "het",
        "ast", "ert", "en", "ar", "er", "as", "es", "et", "a", "e", "s",
    ];

    private static readonly string[] Step3Suffixes = ["hetslov", "eleg", "elig", "elov", "slov", "leg", "eig", "lig", "els", "lov", "ig"];

    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        var r1 = R1(w);
        w = Step1(w, r1);
        w = Step2(w, r1);
        return Step3(w, r1);
    }

    private static int R1(string w)
    {
        // After the first non-vowel that follows a vowel, but at least three letters in.
        for (var i = 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                return Math.Max(3, i + 1);
            }
        }

        return w.Length;
    }

    private static string Step1(string w, int r1)
    {
        foreach (var suffix in Step1Suffixes)
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal) || w.Length - suffix.Length < r1)
            {
                continue;
            }

            var stem = w[..^suffix.Length];
            return suffix switch
            {
                "erte" or "ert" => stem + "er",
                "s" => ValidSEnding(stem) ? stem : w,
                _ => stem,
            };
        }

        return w;
    }

    private static bool ValidSEnding(string stem)
    {
        if (stem.Length == 0)
        {
            return false;
        }

        var last = stem[^1];
        return "bcdfghjlmnoprtvyz".Contains(last, StringComparison.Ordinal)
            || (last == 'k' && stem.Length > 1 && !IsVowel(stem[^2]));
    }

    private static string Step2(string w, int r1) =>
        (w.EndsWith("dt", StringComparison.Ordinal) || w.EndsWith("vt", StringComparison.Ordinal)) && w.Length - 2 >= r1 ? w[..^1] : w;

    private static string Step3(string w, int r1)
    {
        foreach (var suffix in Step3Suffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= r1)
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);
}
