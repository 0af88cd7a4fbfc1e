using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Frivillig.IntegrationTests.Features.HostileInput;

/// <summary>
/// Walks every form and every page, API and feed endpoint in <see cref="HostileTargets"/> with hostile
/// text, extreme and malformed values and unreadable bodies. Fails on any 5xx, on hostile markup that
/// comes back unescaped, on a property injected into a feed and on a header injected into a mail.
/// Whether bad input also changes nothing is each feature's own test; the walk looks for what breaks.
/// </summary>
public sealed partial class HostileInputWalkTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    public static TheoryData<string> FormNames() => [.. HostileTargets.Forms.Select(f => f.Name)];

    public static TheoryData<string> PostPaths() => [.. HostileTargets.Posts.Select(p => p.Path)];

    public static TheoryData<string> GetRoutes() => [.. HostileTargets.Gets.Select(g => g.Route)];

    private async Task<WebSession> SessionAsync(string? account) => account is null ? app.NewSession() : await app.SignInAsync(account);

    private static void AssertNoBreak(HttpResponseMessage response, string body, string what)
    {
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}\n{Clip(body)}");
        // Pages and JSON are what a browser or a script may render; a feed's text is not markup.
        var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (!type.Contains("html", StringComparison.Ordinal) && !type.Contains("json", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var markup in HostileValues.Markup)
        {
            Assert.False(body.Contains(markup, StringComparison.Ordinal), $"{what}: hostile markup came back unescaped");
        }
    }

    private static string Clip(string s) => s.Length > 2000 ? s[..2000] : s;

    private static string Describe(string value) => value.Length > 40 ? value[..40] + $"…({value.Length})" : value.ReplaceLineEndings("⏎");

    [Theory]
    [MemberData(nameof(FormNames))]
    public async Task Every_field_of_the_form_survives_hostile_input(string name)
    {
        var target = HostileTargets.Forms.Single(f => f.Name == name);
        var request = await target.Arrange(app);
        var session = await SessionAsync(request.Account);
        var token = await TokenAsync(session, request.FormPage);

        // Each field in turn gets each hostile value, the others stay valid; a form with no fields gets an extra one.
        var keys = request.Fields.Select(f => f.Key).Distinct().DefaultIfEmpty("ekstra").ToList();
        foreach (var key in keys)
        {
            foreach (var value in HostileValues.All)
            {
                var fields = request.Fields.Where(f => f.Key != key).Append(new(key, value)).Append(new("__RequestVerificationToken", token));
                using var response = await session.Client.PostAsync(request.Action, new FormUrlEncodedContent(fields));
                AssertNoBreak(response, await response.Content.ReadAsStringAsync(), $"{name} {key}={Describe(value)}");
            }
        }

        foreach (var (what, body) in HostileValues.UnreadableBodies(token))
        {
            using var response = await session.Client.PostAsync(request.Action, body);
            var text = await response.Content.ReadAsStringAsync();
            AssertNoBreak(response, text, $"{name}: {what}");
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {what} gave {(int)response.StatusCode}");
        }

        foreach (var (what, body) in HostileValues.OddBodies(token))
        {
            using var response = await session.Client.PostAsync(request.Action, body);
            AssertNoBreak(response, await response.Content.ReadAsStringAsync(), $"{name}: {what}");
        }

        await AssertFeedsAndMailCleanAsync();
    }

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task Every_parameter_and_path_segment_survives_hostile_input(string route)
    {
        var target = HostileTargets.Gets.Single(g => g.Route == route);
        var request = await target.Arrange(app);
        var session = await SessionAsync(request.Account);
        var isApi = request.Path.StartsWith("/api/", StringComparison.Ordinal);

        using (var plain = await session.Client.GetAsync(request.Path))
        {
            AssertNoBreak(plain, await plain.Content.ReadAsStringAsync(), $"{route} as it is");
        }

        var separator = request.Path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        foreach (var parameter in request.Parameters)
        {
            foreach (var value in HostileValues.All.Where(v => v.Length < 5000))
            {
                using var response = await session.Client.GetAsync($"{request.Path}{separator}{parameter}={Uri.EscapeDataString(value)}");
                var body = await response.Content.ReadAsStringAsync();
                AssertNoBreak(response, body, $"{route} {parameter}={Describe(value)}");
                if (isApi && (int)response.StatusCode >= 400)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        if (request.WithSegment is { } with)
        {
            // A NUL in a path is refused by Kestrel with 400 before the app sees it; the in-memory test
            // server throws on it in the client instead, so it is left out of path segments here.
            foreach (var value in HostileValues.All.Where(v => v.Length is > 0 and < 5000 && !v.Contains('\0', StringComparison.Ordinal)))
            {
                using var response = await session.Client.GetAsync(with(Uri.EscapeDataString(value)));
                AssertNoBreak(response, await response.Content.ReadAsStringAsync(), $"{route} with segment {Describe(value)}");
            }
        }

        await AssertFeedsAndMailCleanAsync();
    }

    [Theory]
    [MemberData(nameof(PostPaths))]
    public async Task Every_field_of_a_protocol_endpoint_survives_hostile_input(string path)
    {
        var (_, fields) = HostileTargets.Posts.Single(p => p.Path == path);
        var session = app.NewSession();
        foreach (var key in fields.Select(f => f.Key))
        {
            foreach (var value in HostileValues.All)
            {
                using var response = await session.Client.PostAsync(path, new FormUrlEncodedContent(fields.Where(f => f.Key != key).Append(new(key, value))));
                AssertNoBreak(response, await response.Content.ReadAsStringAsync(), $"{path} {key}={Describe(value)}");
            }
        }

        foreach (var (what, body) in HostileValues.UnreadableBodies(string.Empty).Concat(HostileValues.OddBodies(string.Empty)))
        {
            using var response = await session.Client.PostAsync(path, body);
            AssertNoBreak(response, await response.Content.ReadAsStringAsync(), $"{path}: {what}");
        }
    }

    /// <summary>
    /// The list is complete: every POST handler of every page, and every routed endpoint, is walked
    /// (or on <see cref="HostileTargets.NotWalked"/> with its reason).
    /// </summary>
    [Fact]
    public void Every_form_and_endpoint_is_in_the_walk()
    {
        var handlers = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => PostHandler().Match(m.Name))
                .Where(m => m.Success)
                .Select(m => (Page: t, Handler: m.Groups[1].Value)))
            .Distinct();
        var walked = HostileTargets.Forms.Select(f => (f.Page, f.Handler)).ToHashSet();
        var missingForms = handlers.Where(h => !walked.Contains(h)).Select(h => $"{h.Page.FullName} handler '{h.Handler}'").ToList();
        Assert.True(missingForms.Count == 0, "Not in HostileTargets.Forms: " + string.Join(", ", missingForms));

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Distinct();
        var known = HostileTargets.Gets.Select(g => g.Route.TrimStart('/')).Concat(HostileTargets.NotWalked.Select(r => r.TrimStart('/'))).ToHashSet(StringComparer.Ordinal);
        var missingRoutes = routes.Where(r => !known.Contains(r.TrimStart('/'))).ToList();
        Assert.True(missingRoutes.Count == 0, "Not in HostileTargets.Gets: " + string.Join(", ", missingRoutes));
    }

    private static async Task<string> TokenAsync(WebSession session, string page)
    {
        var html = await session.GetHtmlAsync(page);
        var match = TokenField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : string.Empty;
    }

    /// <summary>No line of any feed and no header of any mail carries what a hostile value tried to add.</summary>
    private async Task AssertFeedsAndMailCleanAsync()
    {
        var feed = await app.NewSession().Client.GetStringAsync("/ical/tromso.ics");
        var lines = feed.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n");
        Assert.DoesNotContain(lines, l => l.StartsWith("X-INJECTED", StringComparison.OrdinalIgnoreCase) || l.StartsWith("BEGIN:VALARM", StringComparison.Ordinal));
        Assert.Equal(lines.Count(l => l == "BEGIN:VEVENT"), lines.Count(l => l == "END:VEVENT"));

        foreach (var mail in app.Mail.All())
        {
            Assert.False(mail.Headers.Contains("X-Injected"), $"a header was injected into «{mail.Subject}»");
            Assert.Empty(mail.Bcc);
            Assert.DoesNotContain('\n', mail.Subject ?? string.Empty);
            Assert.DoesNotContain(mail.To.Mailboxes, b => b.Address == "offer@eksempel.no");
        }
    }

    [GeneratedRegex("^OnPost([A-Za-z]*?)(?:Async)?$")]
    private static partial Regex PostHandler();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
