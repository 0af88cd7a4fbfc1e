using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Frivillig.UnitTests.Features.Shared;

/// <summary>Every UI string used in the app is in the neutral resource file, so a translation has the full list.</summary>
public sealed partial class ResourceStringsTests
{
    [Fact]
    public void Every_localized_string_is_in_SharedResource_resx()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Frivillig.Web");
        var resx = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.resx"));
        var known = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Localized().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: (m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .Where(x => !known.Contains(x.Key))
            .Select(x => $"{x.File}: {x.Key}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Run tools/update-strings.py. Missing:\n" + string.Join("\n", missing));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Frivillig.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Frivillig.sln not found above the test folder.");
    }

    [GeneratedRegex(@"\b[Tt]\[""((?:[^""\\]|\\.)*)""|ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Localized();
}
