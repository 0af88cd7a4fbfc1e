using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Frivillig.Benchmarks;

/// <summary>
/// A follower that speaks the hub's documented protocol (negotiate, a WebSocket, SignalR's JSON
/// handshake, Follow, pings) with nothing else: no pipes, no parsing beyond finding the message's
/// name. Ten thousand browsers each bring their own processor; ten thousand SignalR .NET clients in
/// one process on the server's own two cores measure the clients as much as the server. This one costs
/// a receive per message, so what the load script shows is mostly the server's own work.
/// </summary>
internal sealed class LeanFollower : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly List<LeanFollower> All = [];
    private static Timer? _pinger;

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Action _changed;
    private Task _receiving = Task.CompletedTask;

    private LeanFollower(Action changed) => _changed = changed;

    public static async Task<LeanFollower> StartAsync(string baseUrl, HttpMessageHandler shared, string scope, Action changed)
    {
        using var invoker = new HttpMessageInvoker(shared, disposeHandler: false);
        using var negotiate = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, baseUrl + "/hubs/calendar/negotiate?negotiateVersion=1"), CancellationToken.None);
        if (!negotiate.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"negotiate answered {(int)negotiate.StatusCode}", null, negotiate.StatusCode);
        }

        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        var follower = new LeanFollower(changed);
        var uri = new Uri(baseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/hubs/calendar?id=" + Uri.EscapeDataString(token!));
        try
        {
            await follower._socket.ConnectAsync(uri, invoker, CancellationToken.None);
            await follower.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e");
            await follower.ExpectAsync("{}");
            await follower.SendAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Follow\",\"arguments\":[\"{scope}\"]}}\u001e");
            await follower.ExpectAsync("\"type\":3");
        }
        catch (WebSocketException e) when (e.Message.Contains("503", StringComparison.Ordinal))
        {
            await follower.DisposeAsync();
            throw new HttpRequestException("the server is full", e, HttpStatusCode.ServiceUnavailable);
        }

        follower._receiving = follower.ReceiveAsync();
        lock (All)
        {
            All.Add(follower);
            // The server drops a client it has not heard from in 30 seconds; one timer pings them all.
            _pinger ??= new Timer(_ => PingAll(), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        }

        return follower;
    }

    private static void PingAll()
    {
        LeanFollower[] all;
        lock (All)
        {
            all = [.. All];
        }

        foreach (var f in all)
        {
            _ = f._socket.SendAsync(Ping, WebSocketMessageType.Text, true, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private Task SendAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads records until one contains <paramref name="marker"/> (the handshake's answer, Follow's completion); an error record fails.</summary>
    private async Task ExpectAsync(string marker)
    {
        var buffer = new byte[4096];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (result.MessageType == WebSocketMessageType.Close || text.Contains("\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the hub refused: " + text);
            }

            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                // A frame holds whole records; a change is an invocation of ActivityChanged (pings are ignored).
                if (buffer.AsSpan(0, result.Count).IndexOf("\"target\":\"ActivityChanged\""u8) >= 0)
                {
                    _changed();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (All)
        {
            All.Remove(this);
        }

        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }

        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }
}
