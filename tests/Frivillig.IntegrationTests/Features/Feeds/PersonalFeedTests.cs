using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Feeds;

public sealed partial class PersonalFeedTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private async Task<string> NewFeedPathAsync(WebSession session)
    {
        var response = await session.PostFormAsync("/konto?handler=CalendarLink", [], formPage: "/konto");
        var html = await WebSession.HtmlOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FeedAddress().Match(html).Groups[1].Value;
    }

    [Fact]
    public async Task A_person_subscribes_to_their_own_sign_ups_and_a_new_address_revokes_the_old()
    {
        var (id, date) = await app.DbAsync(async db =>
        {
            var tromso = await db.Municipalities.SingleAsync(m => m.Slug == "tromso");
            var zone = ActivityCalendar.Zone(tromso);
            var start = Recurrence.ToUtc(DateTime.Today.AddDays(5).AddHours(12), zone);
            var activity = new Activity
            {
                MunicipalityId = tromso.Id,
                OrganisationId = await db.Organisations.Where(o => o.Slug == "rode-kors-tromso").Select(o => o.Id).SingleAsync(),
                DistrictId = await db.Districts.Where(d => d.MunicipalityId == tromso.Id && d.Slug == "kroken").Select(d => d.Id).SingleAsync(),
                Title = "Mitt kurs", CategorySlug = "laering", Place = "Biblioteket", StartsAt = start, EndsAt = start.AddHours(1), SeriesEndsAt = start.AddHours(1),
                IsDropIn = false, Capacity = 10, RusfriDeclared = true, Status = ActivityStatus.Published, Sequence = 1,
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return (activity.Id, start.UtcTicks);
        });
        foreach (var (name, email) in new[] { ("Frida", "frivillig@frivillig.test"), ("Noen andre", "andre@eksempel.no") })
        {
            await WebSession.AssertRedirectAsync(await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", new()
            {
                ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Phone"] = string.Empty,
            }));
        }

        var session = await app.SignInAsync("frivillig@frivillig.test");
        var path = await NewFeedPathAsync(session);
        Assert.StartsWith("/ical/me/", path, StringComparison.Ordinal);

        using var response = await app.NewSession().Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var feed = await response.Content.ReadAsStringAsync();
        var signUpId = await app.DbAsync(db => db.SignUps.Where(s => s.Email == "frivillig@frivillig.test" && s.ActivityId == id).Select(s => s.Id).SingleAsync());
        Assert.Contains($"UID:signup-{signUpId}@frivillig", feed);
        Assert.Contains("SUMMARY:Mitt kurs", feed);
        Assert.Single(feed.Split("\r\n"), l => l == "BEGIN:VEVENT");

        // A new address: the old one stops working.
        var newer = await NewFeedPathAsync(session);
        Assert.NotEqual(path, newer);
        using var old = await app.NewSession().Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        using var current = await app.NewSession().Client.GetAsync(newer);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Theory]
    [InlineData("/ical/me/kort.ics")]
    [InlineData("/ical/me/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics")]
    public async Task Unknown_personal_addresses_are_404(string path)
    {
        using var response = await app.NewSession().Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("value=\"http://frivillig.test(/ical/me/[^\"]+)\"")]
    private static partial Regex FeedAddress();
}
