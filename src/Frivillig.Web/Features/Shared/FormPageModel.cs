using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web;

/// <summary>
/// Small helpers for form pages: errors for fieldsets that render their own (radio and checkbox groups),
/// and confirmation of irreversible actions.
/// </summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>The form field that says the person has seen the question and confirmed.</summary>
    public const string ConfirmedField = "bekreftet";

    public bool HasError(string key) => ModelState.TryGetValue(key, out var e) && e.ValidationState == ModelValidationState.Invalid;

    public string ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var e) ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : string.Empty;

    /// <summary>The question on the page while an irreversible action waits for its confirmation.</summary>
    public ConfirmAction? Confirmation { get; private set; }

    /// <summary>True when this post is the answer to the question, not the first click.</summary>
    protected bool Confirmed => Request.HasFormContentType && Request.Form[ConfirmedField] == "ja";

    /// <summary>
    /// The first click of an irreversible action: nothing changes; the page comes back with the question,
    /// what will happen, and a form that posts the same fields again with the confirmation. It works
    /// without JavaScript, and the server, not the browser, is what insists on it.
    /// </summary>
    protected IActionResult AskToConfirm(string question, string? consequence, string confirmLabel, string backHref)
    {
        var fields = Request.HasFormContentType
            ? Request.Form.Where(f => f.Key is not "__RequestVerificationToken" and not ConfirmedField)
                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList()
            : [];
        Confirmation = new ConfirmAction(question, consequence, Request.Path + Request.QueryString, fields, confirmLabel, backHref);
        return Page();
    }
}

/// <summary>An irreversible action waiting for its confirmation; drawn by the _Confirm partial.</summary>
public sealed record ConfirmAction(string Question, string? Consequence, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, string ConfirmLabel, string BackHref);
