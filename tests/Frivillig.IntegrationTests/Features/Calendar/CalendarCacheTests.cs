using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Calendar;

public sealed class CalendarCacheTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task Calendar_is_served_from_the_cache_until_an_activity_changes()
    {
        var client = app.NewSession().Client;
        const string url = "/api/v1/tromso/activities?q=Leksehjelp";
        using (await client.GetAsync(url))
        {
        }

        using (var cached = await client.GetAsync(url))
        {
            Assert.True(cached.Headers.Age is not null, "the second answer should come from the output cache");
        }

        var before = await app.DbAsync(db => db.Activities.Where(a => a.Title == "Leksehjelp").Select(a => new { a.Id, a.Sequence }).SingleAsync());
        var (id, sequence) = (before.Id, before.Sequence);
        await ActivityBuilder.EditAsync(app, id, d => d with { Summary = "Endret" });

        using var fresh = await client.GetAsync(url);
        Assert.Null(fresh.Headers.Age);
        Assert.Contains($"\"sequence\":{sequence + 1}", await fresh.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_in_pages_are_not_shared_through_the_cache()
    {
        var signedIn = await app.SignInAsync(Demo.Coordinator);
        await app.NewSession().GetHtmlAsync("/lunner");
        var html = await signedIn.GetHtmlAsync("/lunner");
        Assert.Contains("Logg ut", html);
        Assert.DoesNotContain("Logg ut", await app.NewSession().GetHtmlAsync("/lunner"));
    }

    [Fact]
    public async Task The_anonymous_week_page_is_kept_compressed_and_dropped_when_an_activity_changes()
    {
        const string url = "/tromso?q=Leksehjelp";
        using (await Get(url, "br"))
        {
        }

        using var cached = await Get(url, "br");
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal("br", Assert.Single(cached.Content.Headers.ContentEncoding));
        Assert.Contains("Cookie", cached.Headers.Vary);
        Assert.True(cached.Headers.CacheControl!.Private);
        Assert.Equal("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
            cached.Headers.GetValues("Content-Security-Policy").Single());
        using var unpacked = new System.IO.Compression.BrotliStream(await cached.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        var html = await new StreamReader(unpacked).ReadToEndAsync();
        Assert.Contains("Leksehjelp", html);
        Assert.DoesNotContain("__RequestVerificationToken", html);

        using (var again = await Get(url, null, cached.Headers.ETag!.Tag))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode); // another encoding is another representation
        }

        using (var notModified = await Get(url, "br", cached.Headers.ETag!.Tag))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);
        }

        var id = await app.DbAsync(db => db.Activities.Where(a => a.Title == "Leksehjelp").Select(a => a.Id).SingleAsync());
        await ActivityBuilder.EditAsync(app, id, d => d with { IsDropIn = !d.IsDropIn });
        using var fresh = await Get(url, null);
        Assert.Null(fresh.Headers.Age);
        Assert.NotEqual(html, await fresh.Content.ReadAsStringAsync()); // its tag went from "Påmelding" to "Drop-in" or back
    }

    [Fact]
    public async Task A_request_that_may_carry_a_sign_in_is_never_answered_from_the_kept_anonymous_page()
    {
        const string url = "/lunner?visning=liste";
        using (await Get(url, null))
        {
        }

        // A cookie that is no longer a sign-in is still not served early; authentication decides, and the page is the anonymous one.
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", "frivillig=utlopt");
        using var stale = await app.NewSession().Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, stale.StatusCode);
        Assert.DoesNotContain("Logg ut", await stale.Content.ReadAsStringAsync());

        var signedIn = await app.SignInAsync(Demo.Coordinator);
        using var personal = new HttpRequestMessage(HttpMethod.Get, url);
        personal.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var page = await signedIn.Client.SendAsync(personal);
        Assert.Null(page.Headers.Age);
        Assert.Empty(page.Content.Headers.ContentEncoding); // its form carries a token beside reflected text: never compressed (BREACH)
        Assert.Contains("Logg ut", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_kept_search_answer_is_asked_again_once_an_activity_changes()
    {
        // The page and the API each ask the full-text index once per search and keep its answer with the calendar's list.
        var client = app.NewSession().Client;
        Assert.DoesNotContain("Sebrastripe", await client.GetStringAsync("/api/v1/tromso/activities?q=sebrastripe"));
        Assert.DoesNotContain("Sebrastripe", await client.GetStringAsync("/tromso?q=sebrastripe&visning=liste"));

        var (id, _) = await new ActivityBuilder("Sebrastripekurs", DaysAhead: 1).SaveAsync(app);
        Assert.Contains("Sebrastripekurs", await client.GetStringAsync("/api/v1/tromso/activities?q=sebrastripe"));
        Assert.Contains("Sebrastripekurs", await client.GetStringAsync("/tromso?q=sebrastripe&visning=liste"));

        await ActivityBuilder.EditAsync(app, id, d => d with { Title = "Sjakkurs" });
        Assert.DoesNotContain("Sebrastripe", await client.GetStringAsync("/api/v1/tromso/activities?q=sebrastripe"));
    }

    private async Task<HttpResponseMessage> Get(string url, string? acceptEncoding, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
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

    [Fact]
    public async Task A_busy_day_shows_the_first_25_and_links_to_the_rest()
    {
        var day = await app.DbAsync(async db =>
        {
            var lunner = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Lunner);
            var clock = MunicipalClock.For(lunner, app.Clock);
            var org = await db.Organisations.Where(o => o.Slug == Demo.LunnerSportsClub).Select(o => o.Id).SingleAsync();
            var district = await db.Districts.Where(d => d.Slug == "harestua").Select(d => d.Id).SingleAsync();
            var date = new DateOnly(2027, 2, 10);
            for (var i = 0; i < 30; i++)
            {
                var start = clock.ToUtc(date.ToDateTime(new TimeOnly(8, 0)).AddMinutes(i * 10));
                var activity = Activity.Draft(org, district, new ActivityDetails($"Travel dag {i:00}", null, null, "mat", ["alle"], [], null, "Hallen", null, true, null, null, true),
                    new Series(start, start.AddHours(1), RecurrenceRule.Once), clock.Zone, clock.Now);
                activity.MunicipalityId = lunner.Id;
                activity.Publish(clock.Now);
                db.Activities.Add(activity);
            }

            await db.SaveChangesAsync();
            return date;
        });

        var week = await app.NewSession().GetHtmlAsync("/lunner?from=2027-02-08&q=Travel");
        Assert.Contains("Travel dag 24", week);
        Assert.DoesNotContain("Travel dag 25", week);
        Assert.Contains("Vis alle 30 denne dagen", week);
        var list = await app.NewSession().GetHtmlAsync($"/lunner?q=Travel&from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}&visning=liste");
        Assert.Contains("Travel dag 29", list);
    }
}
