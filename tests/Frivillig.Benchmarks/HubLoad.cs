using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Frivillig.Benchmarks;

/// <summary>
/// N SignalR clients follow one municipality; an organiser cancels dates of a demo activity through
/// the web form; each client's delay from the request to the message is recorded. Loopback only.
/// </summary>
public static partial class HubLoad
{
    /// <param name="lean">Each client a <see cref="LeanFollower"/>; otherwise the SignalR .NET client.</param>
    public static async Task RunAsync(string baseUrl, int clients, int rounds, bool lean)
    {
        var received = new ConcurrentBag<long>();
        var connections = new List<IAsyncDisposable>();
        var refused = 0;
        var started = Stopwatch.StartNew();
        // One HTTP handler for every client's negotiate, as a browser reuses its connection to the site:
        // a handler per client would hold a second idle socket per page on the server (2 file handles each).
        var shared = new SocketsHttpHandler { MaxConnectionsPerServer = 32 };
        for (var batch = 0; batch < clients; batch += 100)
        {
            var tasks = Enumerable.Range(batch, Math.Min(100, clients - batch)).Select(async _ =>
            {
                try
                {
                    IAsyncDisposable follower = lean
                        ? await LeanFollower.StartAsync(baseUrl, shared, "tromso", () => received.Add(Stopwatch.GetTimestamp()))
                        : await SignalRFollowerAsync(baseUrl, shared, "tromso", () => received.Add(Stopwatch.GetTimestamp()));
                    lock (connections)
                    {
                        connections.Add(follower);
                    }
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    // The server is full and says so; the page would stay as loaded and try again later.
                    Interlocked.Increment(ref refused);
                }
            });
            await Task.WhenAll(tasks);
        }

        Console.WriteLine($"{connections.Count} clients ({(lean ? "lean WebSocket clients" : "SignalR .NET clients")}) following in {started.Elapsed.TotalSeconds:0.0} s"
            + (refused > 0 ? $"; {refused} refused with 503 (server full)" : ""));
        // HUBLOAD_HOLD=seconds: the clients stay connected and idle first, to see what idle connections cost.
        if (int.TryParse(Environment.GetEnvironmentVariable("HUBLOAD_HOLD"), out var hold))
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(hold));
            Console.WriteLine($"idle for {hold} s: this client used {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / hold:P0} of a core");
        }

        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        await PostFormAsync(http, "/konto/logg-inn", "/konto/logg-inn", new() { ["Input.Email"] = "koordinator@frivillig.test", ["Input.Password"] = "Frivillig-demo-2026" });
        var occurrences = JsonDocument.Parse(await http.GetStringAsync("/api/v1/tromso/activities?q=Kaffetreff&from=" + DateTime.Today.AddDays(1).ToString("yyyy-MM-dd") + "&to=" + DateTime.Today.AddDays(200).ToString("yyyy-MM-dd"))).RootElement;
        var activityId = occurrences[0].GetProperty("activityId").GetInt32();
        var page = await http.GetStringAsync("/tromso/organisasjoner");
        var orgId = OrganisationLink().Match(await http.GetStringAsync($"/tromso/aktiviteter/{activityId}")).Groups[1].Value;
        var manage = $"/tromso/organisasjoner/{orgId}/aktiviteter/{activityId}";
        _ = page;

        var latencies = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var ticks = occurrences[round].GetProperty("originalStart").GetDateTimeOffset().UtcTicks;
            received.Clear();
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            // The form's token is fetched first: the delay counts from the change's own request, not from loading the form.
            var form = await FormAsync(http, manage, new() { ["date"] = ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), ["bekreftet"] = "ja" });
            var before = Stopwatch.GetTimestamp();
            await PostAsync(http, manage + "/datoer?handler=CancelDate", form);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (received.Count < connections.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            var delays = received.Select(at => Stopwatch.GetElapsedTime(before, at).TotalMilliseconds).Order().ToList();
            if (round > 0)
            {
                latencies.AddRange(delays);
            }

            Console.WriteLine($"round {round + 1}: {delays.Count}/{connections.Count} clients got it; first {delays.FirstOrDefault():0} ms, p50 {Percentile(delays, 50):0} ms, p99 {Percentile(delays, 99):0} ms, max {delays.LastOrDefault():0} ms"
                + $" (this client's collections gen0/1/2: {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]})");
            await Task.Delay(500);
        }

        latencies.Sort();
        Console.WriteLine($"warm (rounds 2-{rounds}): {latencies.Count} messages, p50 {Percentile(latencies, 50):0} ms, p99 {Percentile(latencies, 99):0} ms, max {latencies.LastOrDefault():0} ms");
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    }

    private static async Task<IAsyncDisposable> SignalRFollowerAsync(string baseUrl, HttpMessageHandler shared, string scope, Action changed)
    {
        var c = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/calendar", o => o.HttpMessageHandlerFactory = _ => new NonDisposing(shared)).Build();
        c.On<JsonElement>("ActivityChanged", _ => changed());
        try
        {
            await c.StartAsync();
            await c.InvokeAsync<long>("Follow", scope);
            return c;
        }
        catch
        {
            await c.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lets many hub connections share one handler without the first to stop disposing it.</summary>
    private sealed class NonDisposing(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        // DelegatingHandler disposes its inner handler only when disposing is true.
        protected override void Dispose(bool disposing) => base.Dispose(disposing: false);
    }

    private static double Percentile(List<double> sorted, int p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static async Task PostFormAsync(HttpClient http, string url, string formPage, Dictionary<string, string> fields) =>
        await PostAsync(http, url, await FormAsync(http, formPage, fields));

    /// <summary>The fields with the anti-forgery token of the form page.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient http, string formPage, Dictionary<string, string> fields)
    {
        var html = await http.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        return fields;
    }

    private static async Task PostAsync(HttpClient http, string url, Dictionary<string, string> fields)
    {
        using var response = await http.PostAsync(url, new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"/tromso/organisasjoner/(\\d+)/aktiviteter/\\d+\"")]
    private static partial Regex OrganisationLink();
}
