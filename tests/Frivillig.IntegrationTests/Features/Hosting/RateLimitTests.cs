using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Hosting;

/// <summary>Anonymous posts are limited per address, with a Norwegian answer; signed-in work is not.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly FrivilligApp _app = new FrivilligApp().With("Frivillig:RateLimit:AnonymousPostsPerMinute", "3");

    [Fact]
    public async Task The_fourth_anonymous_sign_in_in_a_minute_is_told_to_wait_and_nothing_is_tried()
    {
        var session = _app.NewSession();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await session.PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = "ingen@eksempel.no", ["Input.Password"] = "feil-passord-" + i });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await session.PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = Demo.Volunteer, ["Input.Password"] = "feil-passord" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Vent et minutt", await refused.Content.ReadAsStringAsync());
        Assert.Equal("60", refused.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The refused attempt never reached the password check: no failed attempt was counted.
        Assert.Equal(0, await _app.DbAsync(db => db.Users.Where(u => u.Email == Demo.Volunteer).Select(u => u.AccessFailedCount).SingleAsync()));

        using var token = await _app.NewSession().Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);

        // Signed-in work goes on (the sign-in itself came before the limit in another window's worth).
        var reads = await _app.NewSession().Client.GetAsync("/tromso");
        Assert.Equal(HttpStatusCode.OK, reads.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
