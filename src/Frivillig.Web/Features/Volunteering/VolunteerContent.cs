using System.Collections.Concurrent;
using Frivillig.Web.Content;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>A role template from content/roles, copied and adapted by a coordinator.</summary>
public sealed record RoleTemplate(string Slug, string Title, string TaskKind, string Description, List<string> MayDo, List<string> MayNotDo,
    string ExpectedTime, List<string> RequiredModules, bool NeedsDeclaration, bool InvolvesTrust);

public sealed record QuizQuestion(string Question, List<string> Options, int Answer);

/// <summary>A training module from content/training: its text (Markdown) beside it, a version, and a short quiz.</summary>
public sealed record TrainingModule(string Slug, string Title, int Version, string Summary, List<QuizQuestion> Quiz)
{
    public string Markdown { get; init; } = string.Empty;
}

public sealed record Declaration(int Version, string Title)
{
    public string Markdown { get; init; } = string.Empty;
}

/// <summary>
/// The volunteering content: role templates, training modules, the confidentiality declaration and
/// each municipality's guidelines on information sharing (content/guidance/informasjonsdeling/{m}.md,
/// else default.md). Read once; a changed module version takes effect at the next start.
/// </summary>
public sealed class VolunteerContent(ContentStore content)
{
    private readonly Lazy<IReadOnlyList<RoleTemplate>> _templates = new(() => [.. content.ReadAll<RoleTemplate>("roles").OrderBy(r => r.Title, StringComparer.Ordinal)]);
    private readonly Lazy<IReadOnlyDictionary<string, TrainingModule>> _modules = new(() => content.ReadAll<TrainingModule>("training")
        .Select(m => m with { Markdown = content.ReadText(Path.Combine("training", m.Slug + ".md")) ?? string.Empty })
        .ToDictionary(m => m.Slug, StringComparer.Ordinal));
    private readonly Lazy<Declaration> _declaration = new(() => (content.Read<Declaration>(Path.Combine("guidance", "taushetserklaering.json")) ?? new Declaration(1, "Taushetserklæring"))
        with { Markdown = content.ReadText(Path.Combine("guidance", "taushetserklaering.md")) ?? string.Empty });
    private readonly ConcurrentDictionary<string, string> _guidelines = new(StringComparer.Ordinal);

    public IReadOnlyList<RoleTemplate> Templates => _templates.Value;

    public IReadOnlyDictionary<string, TrainingModule> Modules => _modules.Value;

    public IReadOnlyDictionary<string, int> ModuleVersions => _modules.Value.ToDictionary(m => m.Key, m => m.Value.Version, StringComparer.Ordinal);

    public Declaration Declaration => _declaration.Value;

    public string ModuleTitle(string slug) => Modules.TryGetValue(slug, out var m) ? m.Title : slug;

    public string Guidelines(string municipalitySlug) => _guidelines.GetOrAdd(municipalitySlug, slug =>
        (Slugs.IsValid(slug) ? content.ReadText(Path.Combine("guidance", "informasjonsdeling", slug + ".md")) : null)
        ?? content.ReadText(Path.Combine("guidance", "informasjonsdeling", "default.md")) ?? string.Empty);
}
