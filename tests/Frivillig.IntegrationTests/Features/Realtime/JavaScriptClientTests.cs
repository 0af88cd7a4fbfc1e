using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Realtime;

/// <summary>Microsoft's JavaScript SignalR client in Node (tests/js) against the app on Kestrel.</summary>
public sealed class JavaScriptClientTests : IDisposable
{
    private readonly FrivilligApp _app = new();
    private readonly string _baseUrl;

    public JavaScriptClientTests()
    {
        _baseUrl = _app.StartOnKestrel();
        _app.ClientOptions.BaseAddress = new Uri(_baseUrl);
    }

    private Process Follow(string scope, int seconds = 20, long? since = null)
    {
        var script = Path.Combine(IcalParsers.RepositoryRoot(), "tests", "js", "follow-hub.mjs");
        string[] args = [script, _baseUrl, scope, seconds.ToString(CultureInfo.InvariantCulture)];
        return Process.Start(new ProcessStartInfo("node", since is { } s ? [.. args, s.ToString(CultureInfo.InvariantCulture)] : args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
    }

    private static async Task<JsonElement> NextLineAsync(Process node, int seconds = 15)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var line = await node.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("node ended: " + await node.StandardError.ReadToEndAsync());
        return JsonDocument.Parse(line).RootElement;
    }

    [Fact]
    public async Task The_javascript_client_hears_a_cancelled_activity()
    {
        var (id, _) = await new ActivityBuilder("JS-kurs").SaveAsync(_app);
        using var node = Follow($"tromso/activities/{id}");
        var ready = await NextLineAsync(node);
        Assert.True(ready.TryGetProperty("ready", out _), ready.ToString());

        // Through the app's own DbContext: the same after-commit publisher as a page's save.
        await ActivityBuilder.CancelAsync(_app, id);

        var message = await NextLineAsync(node);
        Assert.Equal("ActivityChanged", message.GetProperty("type").GetString());
        Assert.Equal(id, message.GetProperty("activityId").GetInt32());
        Assert.Equal("cancelled", message.GetProperty("kind").GetString());
        Assert.Equal("JS-kurs", message.GetProperty("title").GetString());
        node.Kill();
    }

    [Fact]
    public async Task The_javascript_client_catches_up_on_what_it_missed()
    {
        var (id, _) = await new ActivityBuilder("JS-kurs mens borte").SaveAsync(_app);
        var since = await _app.DbAsync(db => db.LiveJournal.MaxAsync(e => (long?)e.Id)) ?? 0;
        await ActivityBuilder.CancelAsync(_app, id);
        await Task.Delay(300); // the message goes out after commit, on its own

        using var node = Follow($"tromso/activities/{id}", since: since);
        Assert.True((await NextLineAsync(node)).TryGetProperty("ready", out _));
        // The replay arrives before the invocation's result.
        var replayed = await NextLineAsync(node);
        Assert.Equal("ActivityChanged", replayed.GetProperty("type").GetString());
        Assert.Equal("cancelled", replayed.GetProperty("kind").GetString());
        Assert.True(replayed.GetProperty("revision").GetInt64() > since);
        var catchUp = (await NextLineAsync(node)).GetProperty("catchUp");
        Assert.True(catchUp.GetProperty("complete").GetBoolean());
        node.Kill();
    }

    [Fact]
    public async Task The_javascript_client_is_refused_a_hostile_scope()
    {
        using var node = Follow("tromso/../../etc<script>");
        var answer = await NextLineAsync(node);
        Assert.Contains("scope", answer.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _app.Dispose();
}
