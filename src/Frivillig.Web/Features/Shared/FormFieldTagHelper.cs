using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Frivillig.Web;

/// <summary>
/// One form field the accessible way: label, optional hint, the input, and its error message right
/// beside it, tied together with aria-describedby and aria-invalid so screen readers announce both.
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator, HtmlEncoder encoder, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    public string? Hint { get; set; }

    /// <summary>text, email, tel, password, number, date, datetime-local, url, or textarea.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>
    /// False for a field the model does not require on its own but the form does in some cases
    /// (places, when there is sign-up): it is then not labelled "(valgfritt)", and its hint says when.
    /// </summary>
    public bool? Optional { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.ValidationState == ModelValidationState.Invalid ? state.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() : [];

        var describedBy = new List<string>();
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal) { ["class"] = "input" };
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
        }

        if (errors.Count > 0)
        {
            describedBy.Add(id + "-error");
            attributes["aria-invalid"] = "true";
        }

        if (describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (For.Metadata.IsRequired && For.ModelExplorer.ModelType != typeof(bool))
        {
            attributes["required"] = "required";
            attributes["aria-required"] = "true";
        }

        var maxLength = For.Metadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.StringLengthAttribute>().FirstOrDefault()?.MaximumLength;
        if (maxLength is not null && Type != "textarea")
        {
            attributes["maxlength"] = maxLength.Value;
        }

        TagBuilder input = Type switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, 6, 60, attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, attributes),
            // Date and time inputs take ISO values whatever the page's culture.
            "date" => generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, "{0:yyyy-MM-dd}", WithType(attributes)),
            "time" => generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, "{0:HH:mm}", WithType(attributes)),
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, null, WithType(attributes)),
        };

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field-invalid" : "field");

        var label = For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name;
        var html = output.Content;
        html.AppendHtml($"<label for=\"{encoder.Encode(id)}\">");
        html.Append(label);
        if ((!For.Metadata.IsRequired || For.ModelExplorer.ModelType == typeof(bool)) && Optional != false)
        {
            html.AppendHtml(" <span class=\"optional\">");
            html.Append(t["(valgfritt)"]);
            html.AppendHtml("</span>");
        }

        html.AppendHtml("</label>");
        if (Hint is not null)
        {
            html.AppendHtml($"<p class=\"hint\" id=\"{encoder.Encode(id)}-hint\">");
            html.Append(Hint);
            html.AppendHtml("</p>");
        }

        if (errors.Count > 0)
        {
            html.AppendHtml($"<p class=\"field-error\" id=\"{encoder.Encode(id)}-error\">");
            html.Append(string.Join(" ", errors));
            html.AppendHtml("</p>");
        }

        html.AppendHtml(input);
    }

    private Dictionary<string, object> WithType(Dictionary<string, object> attributes)
    {
        attributes["type"] = Type;
        return attributes;
    }
}
