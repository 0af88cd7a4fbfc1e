using Frivillig.Web.Auth;

namespace Frivillig.Web.Hosting;

/// <summary>
/// A link in the header's menu, added by the feature it leads to. <see cref="Label"/> is the
/// Norwegian text (a resource key); <see cref="Path"/> is under the municipality ("organisasjoner")
/// when <see cref="InMunicipality"/>, else from the root. <see cref="ShowTo"/> decides who sees it.
/// </summary>
public sealed record NavigationLink(string Label, string Path, int Order, bool InMunicipality = true, Func<CurrentUser, Task<bool>>? ShowTo = null);

public static class NavigationExtensions
{
    public static IServiceCollection AddNavigationLink(this IServiceCollection services, NavigationLink link) => services.AddSingleton(link);

    /// <summary>The links this person sees here, in order.</summary>
    public static async Task<IReadOnlyList<(NavigationLink Link, string Href)>> VisibleLinksAsync(this IEnumerable<NavigationLink> links, CurrentUser me, string? municipalitySlug)
    {
        var visible = new List<(NavigationLink, string)>();
        foreach (var link in links.OrderBy(l => l.Order))
        {
            if ((link.InMunicipality && municipalitySlug is null) || (link.ShowTo is { } showTo && !await showTo(me)))
            {
                continue;
            }

            visible.Add((link, link.InMunicipality ? $"/{municipalitySlug}{(link.Path.Length == 0 ? string.Empty : "/" + link.Path)}" : "/" + link.Path));
        }

        return visible;
    }
}
