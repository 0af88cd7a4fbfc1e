using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Accounts;

/// <summary>Sign-out is a POST with an antiforgery token, so a link on another site cannot sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    /// <summary>The OpenID Connect end-session parameters this page was sent with, posted back to /connect/logout.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EndSession { get; private set; } = [];

    public void OnGet() =>
        EndSession = [.. Request.Query.Where(q => q.Key.Length <= 40 && EndSessionParameters.Contains(q.Key))
            .Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))];

    private static readonly HashSet<string> EndSessionParameters = new(StringComparer.Ordinal)
    {
        "client_id", "post_logout_redirect_uri", "state", "ui_locales", "id_token_hint", "logout_hint",
    };

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
