using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frivillig.IntegrationTests.Features.Feeds;

/// <summary>
/// <see cref="CompressedCacheMiddleware.WriteBodyAsync"/> on Kestrel alone, serving bodies of chosen sizes:
/// every byte arrives at each size around the pieces' edges, and a reader that pauses keeps the time
/// Kestrel's minimum data rate gives it for the bytes written, as with one ordinary write.
/// </summary>
public sealed class KeptAnswerPiecesTests : IAsyncLifetime
{
    private const int Piece = CompressedCacheMiddleware.WritePiece;
    private static readonly int[] Sizes = [0, 1, 4096, 4097, Piece - 1, Piece, Piece + 1, 2 * Piece, 2 * Piece + 7, 1_000_003, 8_000_000];
    private readonly Dictionary<int, byte[]> _bodies = Sizes.ToDictionary(n => n, n => Enumerable.Range(0, n).Select(i => (byte)(i * 31 + i / 251)).ToArray());
    private WebApplication? _server;
    private Uri _url = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Kestrel's own minimum rate for reading answers (240 B/s), with a grace of 2 s (it must be over 1 s), so a
        // reader paused longer than that is cut off unless the bytes written earned it the time.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MinResponseDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2)));
        _server = builder.Build();
        _server.Run(http =>
        {
            var body = _bodies[int.Parse(http.Request.Path.Value!.Trim('/'), CultureInfo.InvariantCulture)];
            http.Response.ContentLength = body.Length;
            return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : CompressedCacheMiddleware.WriteBodyAsync(http.Response, body, http.RequestAborted);
        });
        await _server.StartAsync();
        _url = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_body_written_in_pieces_arrives_whole_at_every_size_around_the_edges()
    {
        // One connection for all, so a body that ran short or long would also spoil the answer after it.
        using var client = new HttpClient { BaseAddress = _url };
        foreach (var size in Sizes.Concat(Sizes.Reverse()))
        {
            using var response = await client.GetAsync("/" + size);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(size, response.Content.Headers.ContentLength);
            Assert.Equal(_bodies[size], await response.Content.ReadAsByteArrayAsync());

            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/" + size));
            Assert.Equal(size, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_reader_that_pauses_mid_body_gets_the_rest_and_is_not_cut_off()
    {
        // A calendar app on a poor line: it takes 1 MB of an 8 MB feed, stops reading for five seconds (over twice
        // the grace, far within 240 B/s for what was sent), then reads on. A small receive buffer keeps the
        // rest in the server's hands, as a slow network would.
        const int size = 8_000_000;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 16 * 1024 };
        await socket.ConnectAsync(_url.Host, _url.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /{size} HTTP/1.1\r\nHost: {_url.Authority}\r\nConnection: close\r\n\r\n"), SocketFlags.None);

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        var paused = false;
        while (true)
        {
            int n;
            try
            {
                n = await socket.ReceiveAsync(buffer, SocketFlags.None);
            }
            catch (SocketException e)
            {
                Assert.Fail($"The server cut the reader off after {received.Length:N0} bytes: {e.SocketErrorCode}");
                return;
            }

            if (n == 0)
            {
                break;
            }

            received.Write(buffer, 0, n);
            if (!paused && received.Length > 1_000_000)
            {
                paused = true;
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
        }

        var all = received.ToArray();
        var headerEnd = all.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(all, 0, headerEnd));
        Assert.Equal(_bodies[size], all[headerEnd..]);
    }
}
