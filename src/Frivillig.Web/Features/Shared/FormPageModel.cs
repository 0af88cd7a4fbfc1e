using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web;

/// <summary>Small helpers for pages whose fieldsets render their own errors (radio and checkbox groups).</summary>
public abstract class FormPageModel : PageModel
{
    public bool HasError(string key) => ModelState.TryGetValue(key, out var e) && e.ValidationState == ModelValidationState.Invalid;

    public string ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var e) ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : string.Empty;
}
