using System.IO.Compression;
using System.Net;
using Frivillig.IntegrationTests.Infrastructure;

namespace Frivillig.IntegrationTests.Features.Feeds;

/// <summary>
/// The app's kept answers on Kestrel, as browsers and calendar apps reach them (the test server copies
/// bodies its own way): the page and the feeds, kept and then served from what was kept, read the same in
/// each encoding, and HEAD sends no body. <see cref="KeptAnswerPiecesTests"/> tries the writing itself.
/// </summary>
public sealed class KeptAnswersOnKestrelTests : IDisposable
{
    private readonly FrivilligApp _app = new();
    private readonly string _baseUrl;

    public KeptAnswersOnKestrelTests()
    {
        _baseUrl = _app.StartOnKestrel();
    }

    public void Dispose() => _app.Dispose();

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
            Assert.NotNull(plain.Headers.Age);
            Assert.Equal(identity.Length, plain.Content.Headers.ContentLength);
            Assert.Equal(made, identity);
        }

        foreach (var encoding in new[] { "gzip", "br" })
        {
            var (response, body) = await GetAsync(encoding);
            using (response)
            {
                Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
                Assert.NotNull(response.Headers.Age);
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
