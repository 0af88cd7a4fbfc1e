using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Realtime;

/// <summary>Microsoft's JavaScript SignalR client in Node (tests/js) against the app on Kestrel.</summary>
public sealed class JavaScriptClientTests : IDisposable
{
    private readonly FrivilligApp _app = new();
    private readonly string _baseUrl;

    public JavaScriptClientTests()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _app.ClientOptions.BaseAddress = new Uri(_baseUrl);
    }

    private Process Follow(string scope, int seconds = 20)
    {
        var script = Path.Combine(IcalParsers.RepositoryRoot(), "tests", "js", "follow-hub.mjs");
        return Process.Start(new ProcessStartInfo("node", [script, _baseUrl, scope, seconds.ToString(CultureInfo.InvariantCulture)])
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
        await _app.DbAsync(async db =>
        {
            var activity = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Activities, a => a.Id == id);
            activity.Status = ActivityStatus.Cancelled;
            activity.Touch(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var message = await NextLineAsync(node);
        Assert.Equal("ActivityChanged", message.GetProperty("type").GetString());
        Assert.Equal(id, message.GetProperty("activityId").GetInt32());
        Assert.Equal("cancelled", message.GetProperty("kind").GetString());
        Assert.Equal("JS-kurs", message.GetProperty("title").GetString());
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
