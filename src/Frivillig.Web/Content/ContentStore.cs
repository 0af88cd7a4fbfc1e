using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Frivillig.Web.Content;

/// <summary>Reads the content/ folder: municipalities, e-mail templates, demo data.</summary>
public sealed class ContentStore(IOptions<FrivilligOptions> options, IWebHostEnvironment environment)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public string Root { get; } = ResolveRoot(options.Value.ContentPath, environment);

    public string? ReadText(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!path.StartsWith(Root, StringComparison.Ordinal) || !File.Exists(path))
        {
            return null;
        }

        return File.ReadAllText(path);
    }

    public IEnumerable<T> ReadAll<T>(string folder)
    {
        var dir = Path.Combine(Root, folder);
        if (!Directory.Exists(dir))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            yield return JsonSerializer.Deserialize<T>(stream, Json)
                ?? throw new InvalidOperationException($"{file} is empty.");
        }
    }

    public T? Read<T>(string relativePath)
    {
        var text = ReadText(relativePath);
        return text is null ? default : JsonSerializer.Deserialize<T>(text, Json);
    }

    private static string ResolveRoot(string? configured, IWebHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, environment.ContentRootPath) + Path.DirectorySeparatorChar;
        }

        // The build copies content/ beside the app; fall back to the repository's folder when run from source.
        var besideApp = Path.Combine(AppContext.BaseDirectory, "content");
        if (Directory.Exists(besideApp))
        {
            return besideApp + Path.DirectorySeparatorChar;
        }

        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "content")) + Path.DirectorySeparatorChar;
    }
}
