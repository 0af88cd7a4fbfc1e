using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Feeds;

/// <summary>
/// Feeds and the JSON API answer gzip and Brotli when asked, compressed once per change of the content,
/// with Vary, an ETag per encoding and 304s; HEAD works on feeds; and a compressed feed, unpacked, is the
/// same calendar both outside parsers read.
/// </summary>
public sealed class CompressedFeedTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding = null, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await app.NewSession().Client.SendAsync(request);
    }

    private static string Unpack(byte[] body, string? encoding)
    {
        using var input = new MemoryStream(body);
        using Stream stream = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Theory]
    [InlineData("/ical/tromso.ics")]
    [InlineData("/ical/tromso/districts/tromsoya.ics")]
    [InlineData("/api/v1/tromso/activities")]
    [InlineData("/api/v1/tromso/organisations")]
    [InlineData("/api/v1/tromso/districts")]
    public async Task Each_encoding_is_the_same_content_with_its_own_etag_and_a_vary_header(string path)
    {
        using var plain = await GetAsync(path);
        var identity = await plain.Content.ReadAsStringAsync();
        var identityTag = plain.Headers.ETag!.Tag;
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        foreach (var (accept, expected) in new[] { ("gzip", "gzip"), ("br", "br"), ("gzip, deflate, br", "br"), ("br;q=0.5, gzip", "gzip"), ("br;q=0, gzip;q=0", null), ("identity", null) })
        {
            using var response = await GetAsync(path, accept);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Assert.Equal(identity, Unpack(bytes, expected));
            Assert.Equal(expected is null ? identityTag : identityTag.TrimEnd('"') + "-" + expected + "\"", response.Headers.ETag!.Tag);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);

            using var again = await GetAsync(path, accept, response.Headers.ETag.Tag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }

        // Another encoding's ETag is another representation: the full answer comes back.
        using var other = await GetAsync(path, "gzip", identityTag);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task An_answer_is_compressed_once_however_many_ask_and_again_only_after_a_change()
    {
        const string path = "/ical/tromso/categories/mote-og-prat.ics";
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => GetAsync(path, "br")));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => GetAsync(path, "gzip")));
        var cache = app.Services.GetRequiredService<CompressedCache>();
        Assert.True(cache.TryGet(path, out var answer));
        Assert.Equal(2, answer!.Compressions);
        var before = (await GetAsync(path, "br")).Headers.ETag!.Tag;

        await new ActivityBuilder("Ny møteplass i feeden", Capacity: 5).SaveAsync(app); // laering: another category, still the municipality's change
        Assert.False(cache.TryGet(path, out _), "a change to the municipality's activities evicts its kept answers");
        var after = await GetAsync(path, "br");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(before, after.Headers.ETag!.Tag); // the same content again: the same ETag, so clients keep their copy
    }

    [Fact]
    public async Task Head_on_a_feed_gives_the_headers_of_get_without_the_body()
    {
        using var get = await GetAsync("/ical/tromso.ics", "gzip");
        using var head = await GetAsync("/ical/tromso.ics", "gzip", method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal("text/calendar", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_compressed_feed_unpacked_is_read_alike_by_both_parsers()
    {
        using var response = await GetAsync("/ical/tromso.ics", "br");
        var calendar = Unpack(await response.Content.ReadAsByteArrayAsync(), "br");
        var from = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = app.Today.AddDays(28).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var python = IcalParsers.Python(calendar, from, to);
        var icalJs = IcalParsers.IcalJs(calendar, from, to);
        Assert.NotEmpty(python);
        Assert.Equal(python.OrderBy(o => o.Uid).ThenBy(o => o.Start), icalJs.OrderBy(o => o.Uid).ThenBy(o => o.Start));
    }

    [Fact]
    public async Task Other_json_answers_are_compressed_as_they_go_and_pages_with_a_form_token_are_not()
    {
        using var problem = await GetAsync("/api/v1/tromso/activities?from=feil", "gzip");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("gzip", problem.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("\"status\":400", Unpack(await problem.Content.ReadAsByteArrayAsync(), "gzip"));
        // Pages with a form carry its token (a secret) beside reflected text: never compressed (BREACH).
        using var page = await GetAsync("/konto/logg-inn?ReturnUrl=%2Ftromso", "gzip, br");
        Assert.Contains("__RequestVerificationToken", await page.Content.ReadAsStringAsync());
        Assert.Empty(page.Content.Headers.ContentEncoding);
    }
}
