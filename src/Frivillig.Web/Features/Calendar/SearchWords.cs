using System.Globalization;
using System.Text;

namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// The words of a search, as both full-text engines can take them: letters and digits only (so no
/// query syntax gets through: no quotes, operators or column filters), lower case, at most eight.
/// </summary>
public static class SearchWords
{
    public const int MaxWords = 8;

    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                current.Append(rune.ToString().ToLower(CultureInfo.InvariantCulture));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0 && words.Count < MaxWords)
            {
                words.Add(current.ToString());
            }

            current.Clear();
        }
    }

    /// <summary>Every searched word begins one of the name's words, after stemming: "trening" finds "Trening og friluft".</summary>
    public static bool AllIn(IReadOnlyList<string> words, string name)
    {
        var nameWords = Split(name);
        return words.All(w => nameWords.Any(n => n.StartsWith(NorwegianStemmer.Stem(w), StringComparison.Ordinal)));
    }
}
