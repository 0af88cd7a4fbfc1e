using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Frivillig.Web.Content;

namespace Frivillig.Web.Email;

/// <summary>
/// Templates live in content/email/{name}.txt: a "Subject:" line, a blank line, then the body with
/// {{Placeholders}}. Values are inserted as text: HTML-encoded in the HTML part, stripped of line
/// breaks in the subject, so nothing a user typed can become markup or a header.
/// </summary>
public sealed partial class EmailTemplates(ContentStore content)
{
    public RenderedEmail Render(string name, IReadOnlyDictionary<string, string?> values)
    {
        var raw = content.ReadText(Path.Combine("email", name + ".txt"))
            ?? throw new InvalidOperationException($"The e-mail template '{name}' is missing from content/email.");

        var newline = raw.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = newline < 0 ? raw : raw[..newline];
        if (!firstLine.StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The e-mail template '{name}' must start with a Subject: line.");
        }

        var subject = Fill(firstLine["Subject:".Length..].Trim(), values, v => OneLine(v));
        var body = newline < 0 ? string.Empty : raw[(newline + 1)..].Trim('\r', '\n');
        var text = Fill(body, values, v => v);
        var html = ToHtml(body, values);
        return new RenderedEmail(subject, text, html);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string?> values, Func<string, string> encode) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? encode(v ?? string.Empty) : m.Value);

    private static string OneLine(string value)
    {
        var line = LineBreaks().Replace(value, " ").Trim();
        return line.Length > 150 ? line[..150] + "…" : line;
    }

    private static string ToHtml(string body, IReadOnlyDictionary<string, string?> values)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a\">");
        foreach (var paragraph in body.Replace("\r", string.Empty, StringComparison.Ordinal).Split("\n\n"))
        {
            var encoded = Placeholder().Replace(WebUtility.HtmlEncode(paragraph), m =>
            {
                var key = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (!values.TryGetValue(key, out var v))
                {
                    return m.Value;
                }

                var value = v ?? string.Empty;
                // Links are the one thing worth making clickable; they come from the app, never from users.
                return key.EndsWith("Url", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                    ? string.Create(CultureInfo.InvariantCulture, $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>")
                    : WebUtility.HtmlEncode(value);
            });
            sb.Append("<p>").Append(encoded.Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    [GeneratedRegex(@"[\r\n\t\u0085\u2028\u2029]+")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"\{\{([A-Za-z0-9]+)\}\}")]
    private static partial Regex Placeholder();
}

public sealed record RenderedEmail(string Subject, string Text, string Html);
