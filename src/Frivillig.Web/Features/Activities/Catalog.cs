using Frivillig.Web.Content;

namespace Frivillig.Web.Features.Activities;

public sealed record CatalogEntry(string Slug, string Name);

/// <summary>Categories, target groups and accessibility features, from content/. Read once; small and fixed.</summary>
public sealed class Catalog(ContentStore content)
{
    private readonly Lazy<IReadOnlyList<CatalogEntry>> _categories = new(() => content.Read<List<CatalogEntry>>("categories.json") ?? []);
    private readonly Lazy<IReadOnlyList<CatalogEntry>> _targets = new(() => content.Read<List<CatalogEntry>>("target-groups.json") ?? []);
    private readonly Lazy<IReadOnlyList<CatalogEntry>> _access = new(() => content.Read<List<CatalogEntry>>("accessibility.json") ?? []);

    public IReadOnlyList<CatalogEntry> Categories => _categories.Value;
    public IReadOnlyList<CatalogEntry> TargetGroups => _targets.Value;
    public IReadOnlyList<CatalogEntry> Accessibility => _access.Value;

    public string CategoryName(string slug) => Categories.FirstOrDefault(c => c.Slug == slug)?.Name ?? slug;

    public string TargetName(string slug) => TargetGroups.FirstOrDefault(c => c.Slug == slug)?.Name ?? slug;

    public string AccessibilityName(string slug) => Accessibility.FirstOrDefault(c => c.Slug == slug)?.Name ?? slug;
}
