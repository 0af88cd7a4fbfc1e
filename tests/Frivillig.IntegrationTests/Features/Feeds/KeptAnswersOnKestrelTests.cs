using System.IO.Compression;
using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frivillig.IntegrationTests.Features.Feeds;

/// <summary>
/// Kept answers are handed to Kestrel in pieces of their own size rather than in one write (see
/// <see cref="CompressedCacheMiddleware.WriteBodyAsync"/>). The test server copies bodies its own way, so
/// these run on Kestrel, as browsers and calendar apps reach the app: every byte arrives, at every size
/// around the pieces' edges, and the app's page and largest feed read the same in each encoding.
/// </summary>
public sealed class KeptAnswersOnKestrelTests : IDisposable
{
    private readonly FrivilligApp _app = new();
    private readonly string _baseUrl;

    public KeptAnswersOnKestrelTests()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_body_written_in_pieces_arrives_whole_at_every_size_around_the_edges()
    {
        const int piece = CompressedCacheMiddleware.WritePiece;
        int[] sizes = [0, 1, 4096, 4097, piece - 1, piece, piece + 1, 2 * piece, 2 * piece + 7, 1_000_003];
        var bodies = sizes.ToDictionary(n => n, n => Enumerable.Range(0, n).Select(i => (byte)(i * 31 + i / 251)).ToArray());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.Run(http =>
        {
            var body = bodies[int.Parse(http.Request.Path.Value!.Trim('/'), System.Globalization.CultureInfo.InvariantCulture)];
            http.Response.ContentLength = body.Length;
            return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : CompressedCacheMiddleware.WriteBodyAsync(http.Response, body, http.RequestAborted);
        });
        await server.StartAsync();
        var url = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // One connection for all, so a body that ran short or long would also spoil the answer after it.
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        foreach (var size in sizes.Concat(sizes.Reverse()))
        {
            using var response = await client.GetAsync("/" + size);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(size, response.Content.Headers.ContentLength);
            Assert.Equal(bodies[size], await response.Content.ReadAsByteArrayAsync());
        }

        await server.StopAsync();
    }

    [Theory]
    [InlineData("/tromso")]
    [InlineData("/tromso?visning=liste")]
    [InlineData("/ical/tromso.ics")]
    [InlineData("/api/v1/tromso/activities")]
    public async Task The_apps_kept_answers_read_the_same_in_each_encoding_and_HEAD_sends_no_body(string path)
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler);
        async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string? encoding, HttpMethod? method = null)
        {
            using var request = new HttpRequestMessage(method ?? HttpMethod.Get, _baseUrl + path);
            if (encoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            }

            var response = await client.SendAsync(request);
            return (response, await response.Content.ReadAsByteArrayAsync());
        }

        // The first request makes and keeps the answer; the ones after are served from what was kept.
        var (first, made) = await GetAsync(null);
        first.Dispose();
        var (plain, identity) = await GetAsync(null);
        using (plain)
        {
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Equal(identity.Length, plain.Content.Headers.ContentLength);
            Assert.Equal(made, identity);
        }

        foreach (var encoding in new[] { "gzip", "br" })
        {
            var (response, body) = await GetAsync(encoding);
            using (response)
            {
                Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
                Assert.Equal(body.Length, response.Content.Headers.ContentLength);
                using var input = new MemoryStream(body);
                using Stream unpacked = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                await unpacked.CopyToAsync(output);
                Assert.Equal(identity, output.ToArray());
            }
        }

        var (head, nothing) = await GetAsync(null, HttpMethod.Head);
        using (head)
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(identity.Length, head.Content.Headers.ContentLength);
            Assert.Empty(nothing);
        }
    }
}
