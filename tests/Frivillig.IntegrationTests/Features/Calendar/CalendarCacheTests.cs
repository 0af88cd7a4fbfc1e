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
