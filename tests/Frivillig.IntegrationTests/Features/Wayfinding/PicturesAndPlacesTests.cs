using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Frivillig.IntegrationTests.Features.Wayfinding;

/// <summary>
/// Who runs it and where: an organisation's page with its activities and feed; pictures uploaded,
/// checked, re-encoded and served in fixed sizes with their text; addresses with map links, in the
/// JSON-LD and the feed.
/// </summary>
public sealed partial class PicturesAndPlacesTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x0b, 0x53, 0x94));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF block carrying a GPS-like marker: what a phone's picture carries.</summary>
    private static byte[] JpegWithExif()
    {
        using var bitmap = new SKBitmap(800, 600);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Orange);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        var marker = "Exif\0\0HEMMELIG-POSISJON-69.6496N-18.956E"u8.ToArray();
        var app1 = new byte[] { 0xFF, 0xE1, (byte)((marker.Length + 2) >> 8), (byte)((marker.Length + 2) & 0xFF) };
        return [.. jpeg[..2], .. app1, .. marker, .. jpeg[2..]];
    }

    private async Task<HttpResponseMessage> PostEditAsync(WebSession session, int orgId, byte[]? file, string fileName, string? alt, Action<MultipartFormDataContent>? more = null)
    {
        var page = $"/tromso/organisasjoner/{orgId}/rediger";
        var html = await session.GetHtmlAsync(page);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("Vi driver besøkstjeneste og møteplasser."), "Input.Description" },
            { new StringContent("Ola Nordmann"), "Input.ContactName" },
            { new StringContent("post@rodekors-tromso.example"), "Input.ContactEmail" },
            { new StringContent("Storgata 74"), "Input.StreetAddress" },
            { new StringContent("9008"), "Input.PostalCode" },
            { new StringContent("Tromsø"), "Input.City" },
        };
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "Input.Picture.Alt");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "Input.Picture.File", fileName);
        }

        more?.Invoke(form);
        return await session.Client.PostAsync(page, form);
    }

    [Fact]
    public async Task An_organisation_page_shows_what_it_is_its_districts_its_coming_activities_and_its_feed()
    {
        var id = await Scenery.ActivityAsync(app, "Besøksvenn-treff", app.Today.AddDays(3), 17);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var html = await app.NewSession().GetHtmlAsync($"/tromso/organisasjoner/{orgId}");
        Assert.Contains("Neste aktiviteter", html);
        Assert.Contains($"/tromso/aktiviteter/{id}\"", html);
        Assert.Contains("/ical/tromso/organisations/rode-kors-tromso.ics", html);
        Assert.Contains("Har tilbud i", html);
        Assert.DoesNotContain("style=", html); // the content security policy refuses inline styles
    }

    [Fact]
    public async Task A_picture_is_re_encoded_to_fixed_sizes_without_its_metadata_and_served_with_its_text()
    {
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var admin = await app.SignInAsync(Demo.Coordinator);
        var response = await PostEditAsync(admin, orgId, JpegWithExif(), "bilde.jpg", "Frivillige rundt et kaffebord");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await app.DbAsync(db => db.Organisations.Where(o => o.Id == orgId).Select(o => new { o.PictureId, o.PictureAlt, o.StreetAddress }).SingleAsync());
        var (pictureId, alt, street) = (saved.PictureId, saved.PictureAlt, saved.StreetAddress);
        Assert.NotNull(pictureId);
        Assert.Equal("Frivillige rundt et kaffebord", alt);
        Assert.Equal("Storgata 74", street);

        var page = await app.NewSession().GetHtmlAsync($"/tromso/organisasjoner/{orgId}");
        Assert.Contains($"src=\"/tromso/bilder/{pictureId}/medium.jpg\" alt=\"Frivillige rundt et kaffebord\"", page);
        Assert.Contains("Storgata 74, 9008 Tromsø", page);
        Assert.Contains("openstreetmap.org/search?query=Storgata%2074", page);

        foreach (var (size, width) in new[] { ("small", 480), ("medium", 800), ("large", 800) })
        {
            using var picture = await app.NewSession().Client.GetAsync($"/tromso/bilder/{pictureId}/{size}.jpg");
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            Assert.Equal("image/jpeg", picture.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", picture.Headers.CacheControl?.ToString());
            var bytes = await picture.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xFF, 0xD8], bytes[..2]);
            Assert.DoesNotContain("HEMMELIG-POSISJON", System.Text.Encoding.Latin1.GetString(bytes));
            using var decoded = SKBitmap.Decode(bytes);
            Assert.Equal(width, decoded.Width); // never scaled up past the original's 800
        }

        // Another municipality's address for the picture finds nothing.
        using var elsewhere = await app.NewSession().Client.GetAsync($"/kristiansand/bilder/{pictureId}/small.jpg");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData("not-a-picture", "Filen er ikke et bilde")]
    [InlineData("tiny", "minst 200 × 200 piksler")]
    [InlineData("bomb", "for mange piksler")]
    [InlineData("no-alt", "Beskriv hva bildet viser")]
    [InlineData("svg", "Filen er ikke et bilde")]
    public async Task A_bad_picture_gets_a_clear_error_and_changes_nothing(string kind, string message)
    {
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var before = await app.DbAsync(db => db.Pictures.CountAsync());
        var (bytes, alt) = kind switch
        {
            "not-a-picture" => ("Dette er tekst, ikke et bilde."u8.ToArray(), "Tekst"),
            "tiny" => (Png(20, 20), "Liten"),
            "bomb" => (BombHeader(), "Stor"),
            "no-alt" => (Png(400, 300), (string?)null),
            _ => ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "Skript"),
        };
        var admin = await app.SignInAsync(Demo.Coordinator);
        var response = await PostEditAsync(admin, orgId, bytes, "fil.png", alt);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.DbAsync(db => db.Pictures.CountAsync()));
    }

    /// <summary>A PNG that says it is 20,000 × 20,000 pixels: decoded, it would take 1.6 GB.</summary>
    private static byte[] BombHeader()
    {
        var png = Png(300, 300);
        // IHDR's width and height are the 8 bytes after its type (offset 16), and its CRC follows the 13 data bytes (offset 29).
        var bomb = png.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(16), 20000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(20), 20000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(29), Crc32(bomb.AsSpan(12, 17)));
        return bomb;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public async Task An_organiser_gives_an_activity_a_picture_with_its_text_and_an_address_through_its_form()
    {
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/ny";
        var html = await coordinator.GetHtmlAsync(page);
        Assert.Contains("enctype=\"multipart/form-data\"", html);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" } };
        var fields = await new Activities.ActivityForm { Title = "Bildekafé" }.FieldsAsync(app);
        fields.AddRange([new("Input.StreetAddress", "Grønnegata 94"), new("Input.PostalCode", "9008"), new("Input.City", "Tromsø"),
            new("Input.Picture.Alt", "Kaffekopper på et langbord")]);
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(Png(1200, 800));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "Input.Picture.File", "kafe.png");
        using var response = await coordinator.Client.PostAsync($"{page}?handler=Save", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var activity = await app.DbAsync(db => db.Activities.SingleAsync(a => a.Title == "Bildekafé"));
        Assert.NotNull(activity.PictureId);
        Assert.Equal("Kaffekopper på et langbord", activity.PictureAlt);
        Assert.Equal("Grønnegata 94", activity.StreetAddress);
        var details = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{activity.Id}");
        Assert.Contains($"/tromso/bilder/{activity.PictureId}/medium.jpg", details);
        Assert.Contains("alt=\"Kaffekopper på et langbord\"", details);
        Assert.Contains($"/tromso/bilder/{activity.PictureId}/large.jpg", Regex.Unescape(details)); // the JSON-LD's image
        using var large = await app.NewSession().Client.GetAsync($"/tromso/bilder/{activity.PictureId}/large.jpg");
        using var decoded = SKBitmap.Decode(await large.Content.ReadAsByteArrayAsync());
        Assert.Equal(1200, decoded.Width);
        using var small = await app.NewSession().Client.GetAsync($"/tromso/bilder/{activity.PictureId}/small.jpg");
        using var smallDecoded = SKBitmap.Decode(await small.Content.ReadAsByteArrayAsync());
        Assert.Equal((480, 320), (smallDecoded.Width, smallDecoded.Height));
    }

    [Fact]
    public async Task An_activity_with_its_own_address_carries_it_to_the_page_the_json_ld_and_the_feed()
    {
        var id = await Scenery.ActivityAsync(app, "Adressekafé", app.Today.AddDays(6), 12, address: new PostalAddress("Kvaløyvegen 228", "9100", "Kvaløysletta"));
        var page = await app.NewSession().GetHtmlAsync($"/tromso/aktiviteter/{id}");
        Assert.Contains("Kvaløyvegen 228, 9100 Kvaløysletta", page);
        Assert.Contains("openstreetmap.org/search?query=Kvaløyvegen", WebUtility.UrlDecode(page));
        Assert.Contains("\"streetAddress\":\"Kvaløyvegen 228\"", System.Text.RegularExpressions.Regex.Unescape(page));
        Assert.Contains("\"postalCode\":\"9100\"", page);
        var feed = await app.NewSession().GetHtmlAsync($"/ical/tromso/activities/{id}.ics");
        Assert.Contains("Kvaløyvegen 228", feed);
        Assert.Contains("LOCATION:", feed);
    }
}
