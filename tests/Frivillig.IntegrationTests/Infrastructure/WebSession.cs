using System.Net;
using System.Text.RegularExpressions;

namespace Frivillig.IntegrationTests.Infrastructure;

/// <summary>A person with a browser's cookie jar: reads pages and posts their forms with the antiforgery token.</summary>
public sealed partial class WebSession(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public async Task<string> GetHtmlAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Posts a form as the page at <paramref name="formPage"/> (default: the same URL) would, token included.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null) =>
        PostFormAsync(url, (IEnumerable<KeyValuePair<string, string>>)fields, formPage);

    /// <summary>The same, for forms that repeat a field name (checkbox groups).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        using var page = await client.GetAsync(formPage ?? StripQuery(url));
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        var form = new List<KeyValuePair<string, string>>(fields);
        if (token.Success)
        {
            form.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static async Task<string> HtmlOf(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>Asserts a form post succeeded (redirect); when it did not, the page's field errors are the message.</summary>
    public static async Task<Uri> AssertRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var html = await response.Content.ReadAsStringAsync();
            var errors = FieldError().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value));
            var main = html.IndexOf("<main", StringComparison.Ordinal);
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {string.Join(" | ", errors)}\n{(main < 0 ? html : html[main..Math.Min(html.Length, main + 1500)])}");
        }

        return response.Headers.Location!;
    }

    [GeneratedRegex("class=\"field-error\"[^>]*>([^<]*)<|<li>(?:<a href=\"#[^\"]*\">)?([^<]+)</")]
    private static partial Regex FieldError();

    private static string StripQuery(string url) => url.Split('?')[0];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => client.Dispose();
}
