using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Frivillig.Web;

/// <summary>
/// A bool field is a checkbox: the browser sends "true" (checked) and the hidden "false". Anything
/// else did not come from our form, and counts as unchecked; the default binder would keep the odd
/// value as "attempted", and the checkbox helper then throws while drawing the page again.
/// </summary>
internal sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxBinder(context.Metadata.IsNullableValueType) : null;

    private sealed class CheckboxBinder(bool nullable) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            // "true,false" when checked (checkbox plus its hidden field); "on" from a checkbox without a value.
            var checkedBox = values.Values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));
            var result = checkedBox ? true : values.Values.Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)) || !nullable ? false : (bool?)null;
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result, result?.ToString().ToLowerInvariant());
            bindingContext.Result = ModelBindingResult.Success(result);
            return Task.CompletedTask;
        }
    }
}
