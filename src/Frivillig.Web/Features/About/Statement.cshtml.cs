using Frivillig.Web.Content;
using Frivillig.Web.Features.Activities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.About;

/// <summary>One statement page: which one is the path's last segment; its text is Markdown in content/pages.</summary>
public sealed class StatementModel(ContentStore content, TenantContext tenant) : PageModel
{
    public string Html { get; private set; } = string.Empty;
    public string Heading { get; private set; } = string.Empty;
    public bool IsAccessibility { get; private set; }
    public Municipality? Municipality => tenant.Municipality;

    public IActionResult OnGet()
    {
        IsAccessibility = Request.Path.Value?.EndsWith("/tilgjengelighet", StringComparison.Ordinal) == true;
        var text = content.ReadText(Path.Combine("pages", IsAccessibility ? "accessibility.md" : "privacy.md"));
        if (text is null)
        {
            return NotFound();
        }

        // The first line is the heading ("# ..."); the page shows it as its h1 and title.
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        Heading = (newline < 0 ? text : text[..newline]).TrimStart('#', ' ').Trim();
        Html = MarkdownText.ToHtml(newline < 0 ? string.Empty : text[(newline + 1)..]);
        return Page();
    }
}
