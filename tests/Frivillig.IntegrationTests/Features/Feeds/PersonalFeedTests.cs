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
        var response = await session.PostFormAsync("/konto?handler=CalendarLink", new() { ["bekreftet"] = "ja" }, formPage: "/konto");
        var html = await WebSession.HtmlOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FeedAddress().Match(html).Groups[1].Value;
    }

    private Task<string?> CalendarTokenHashAsync() =>
        app.DbAsync(db => db.Users.Where(u => u.Email == Demo.Volunteer).Select(u => u.CalendarTokenHash).SingleAsync());

    [Fact]
    public async Task A_person_subscribes_to_their_own_sign_ups_and_a_new_address_revokes_the_old()
    {
        var (id, date) = await new ActivityBuilder("Mitt kurs", Capacity: 10, DaysAhead: 5, Hour: 12).SaveAsync(app);
        foreach (var (name, email) in new[] { ("Frida", Demo.Volunteer), ("Noen andre", "andre@eksempel.no") })
        {
            await WebSession.AssertRedirectAsync(await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", new()
            {
                ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Phone"] = string.Empty,
            }));
        }

        var session = await app.SignInAsync(Demo.Volunteer);
        var path = await NewFeedPathAsync(session);
        Assert.StartsWith("/ical/me/", path, StringComparison.Ordinal);
        var hash = await CalendarTokenHashAsync();
        Assert.NotNull(hash);
        Assert.DoesNotContain(hash, path, StringComparison.Ordinal); // only the hash is stored, never the secret in the address

        using var response = await app.NewSession().Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var feed = await response.Content.ReadAsStringAsync();
        Assert.Contains("mine påmeldinger\\, vakter og bookinger", feed.Replace("\r\n ", string.Empty, StringComparison.Ordinal)); // a comma is escaped in iCalendar text
        var signUpId = await app.DbAsync(db => db.SignUps.Where(s => s.Email == Demo.Volunteer && s.ActivityId == id).Select(s => s.Id).SingleAsync());
        Assert.Contains($"UID:signup-{signUpId}@frivillig", feed);
        Assert.Contains("SUMMARY:Mitt kurs", feed);
        Assert.Single(feed.Split("\r\n"), l => l == "BEGIN:VEVENT");

        // A new address: the old one stops working.
        var newer = await NewFeedPathAsync(session);
        Assert.NotEqual(path, newer);
        Assert.NotEqual(hash, await CalendarTokenHashAsync());
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
