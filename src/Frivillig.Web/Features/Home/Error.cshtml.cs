using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Home;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public string Message { get; private set; } = string.Empty;

    // From the route only, and not through model binding: a re-executed POST carries the original body,
    // which may be the very form that could not be read, and binding would fail on it again.
    public void OnGet() => Describe(Code());

    public void OnPost() => Describe(Code());

    private int? Code() =>
        int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    private void Describe(int? code)
    {
        // Re-executed from a status code: keep that status instead of answering 200. The route takes only 400-599.
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
        (Title, Message) = code switch
        {
            404 => (t["Fant ikke siden"].Value, t["Siden finnes ikke, eller du har ikke tilgang til den."].Value),
            403 => (t["Ingen tilgang"].Value, t["Du har ikke tilgang til dette."].Value),
            400 => (t["Noe var galt med forespørselen"].Value, t["Prøv igjen fra forrige side."].Value),
            _ => (t["Noe gikk galt"].Value, t["Vi klarte ikke å fullføre forespørselen. Prøv igjen senere."].Value),
        };
    }
}
