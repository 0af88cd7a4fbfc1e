using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Volunteering;
using Frivillig.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Volunteering;

/// <summary>
/// The briefing's two levels. A canary string is written in "kun for ansatte" and searched for in
/// every page, API answer, feed, mail and live message a volunteer can reach; the shared level is
/// shown only after the declaration and the training, and every view of it is recorded.
/// </summary>
public sealed partial class ConfidentialityTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private const string Canary = "KANARI-kun-ansatte-7f3a9c";
    private const string Shared = "Delbart: Ruth hører dårlig, snakk tydelig.";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task No_volunteer_ever_sees_the_staff_only_level_and_one_without_the_declaration_sees_nothing_of_the_briefing()
    {
        var (roleId, shiftId, orgId) = await VolunteerScene.RoleAsync(app, "Fortrolig rolle", places: 1, daysAhead: 2);
        var ready = await VolunteerScene.NewVolunteerAsync(app, "klar@frivillig.test", "Klara Klar");
        var unsigned = await VolunteerScene.NewVolunteerAsync(app, "usignert@frivillig.test", "Ulrik Usignert");
        await VolunteerScene.ReadyAndApprovedAsync(app, ready, roleId);
        await VolunteerScene.ReadyAndApprovedAsync(app, unsigned, roleId, declaration: false);
        var readySession = await app.SignInAsync("klar@frivillig.test");
        var unsignedSession = await app.SignInAsync("usignert@frivillig.test");

        // Anyone may follow the role's live scope; record every message the hub sends there.
        var hubMessages = new ConcurrentQueue<string>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, CalendarHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        foreach (var method in new[] { "PlacesChanged", "ActivityChanged" })
        {
            hub.On<JsonElement>(method, m => hubMessages.Enqueue(m.GetRawText()));
        }

        await hub.StartAsync();
        await hub.InvokeAsync<long>("Follow", $"tromso/roles/{roleId}");

        // The coordinator writes both levels, beside the guidelines.
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var shiftAdmin = $"/tromso/organisasjoner/{orgId}/frivillig/vakter/{shiftId}";
        Assert.Contains("Retningslinjer for informasjonsdeling i Tromsø", await coordinator.GetHtmlAsync(shiftAdmin));
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{shiftAdmin}?handler=Briefing",
            new() { ["Briefing.Shared"] = Shared, ["Briefing.StaffOnly"] = Canary }, shiftAdmin));
        var staffView = await coordinator.GetHtmlAsync(shiftAdmin);
        Assert.Contains(Canary, staffView);

        // Both take the shift (one place: the second waits), which the hub tells; then the first cannot come.
        var take = new Dictionary<string, string> { ["shiftId"] = Id(shiftId) };
        await WebSession.AssertRedirectAsync(await readySession.PostFormAsync($"/tromso/frivillig/roller/{roleId}?handler=Take", take));
        await VolunteerScene.TakeAsync(app, unsigned, shiftId);
        await app.Mail.WaitForAsync(VolunteerScene.StaffEmail, m => (m.TextBody ?? "").Contains("Klara Klar", StringComparison.Ordinal));

        // The ready volunteer sees the shared level, and the view is recorded.
        var readyPage = await readySession.GetHtmlAsync($"/tromso/frivillig/vakter/{shiftId}");
        Assert.Contains("snakk tydelig", readyPage);
        Assert.Equal(1, await app.DbAsync(db => db.BriefingViews.CountAsync(v => v.ShiftId == shiftId && v.UserId == ready)));
        await readySession.GetHtmlAsync($"/tromso/frivillig/vakter/{shiftId}");
        Assert.Equal(2, await app.DbAsync(db => db.BriefingViews.CountAsync(v => v.ShiftId == shiftId && v.UserId == ready)));
        using (var redraw = new HttpRequestMessage(HttpMethod.Get, $"/tromso/frivillig/vakter/{shiftId}"))
        {
            redraw.Headers.Add("X-Requested-With", "live"); // an open page redrawn by live.js is not read again
            using var response = await readySession.Client.SendAsync(redraw);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, await app.DbAsync(db => db.BriefingViews.CountAsync(v => v.ShiftId == shiftId && v.UserId == ready)));
        Assert.Contains("Klara Klar", await coordinator.GetHtmlAsync(shiftAdmin)); // who read it

        // Without the declaration: nothing of the briefing, and no view recorded.
        var unsignedPage = await unsignedSession.GetHtmlAsync($"/tromso/frivillig/vakter/{shiftId}");
        Assert.DoesNotContain("Ruth", unsignedPage);
        Assert.Contains("Orienteringen vises når du har signert taushetserklæringen", unsignedPage);
        Assert.Equal(0, await app.DbAsync(db => db.BriefingViews.CountAsync(v => v.UserId == unsigned)));

        // Reminders, a cancellation with promotion and a message produce mail and live messages too.
        await WebSession.AssertRedirectAsync(await readySession.PostFormAsync($"/tromso/frivillig/vakter/{shiftId}?handler=Cancel", new() { ["bekreftet"] = "ja" }));
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"/tromso/organisasjoner/{orgId}/frivillig/melding",
            new() { ["Input.Target"] = $"vakt:{shiftId}", ["Input.Subject"] = "Husk nøkkel", ["Input.Body"] = "Nøkkelen ligger i resepsjonen." }));
        app.Clock.Advance(TimeSpan.FromDays(1.5));
        await app.Services.GetRequiredService<ShiftReminders>().RunAsync(CancellationToken.None);
        await app.Mail.WaitForAsync("usignert@frivillig.test", m => m.Subject!.StartsWith("Påminnelse", StringComparison.Ordinal));

        // Every page, answer and feed each volunteer can reach.
        foreach (var session in new[] { readySession, unsignedSession })
        {
            var feed = await FeedPathAsync(session);
            var paths = new[]
            {
                "/tromso/frivillig", $"/tromso/frivillig/roller/{roleId}", $"/tromso/frivillig/vakter/{shiftId}", "/tromso/frivillig/profil",
                $"/tromso/frivillig/erklaering/{roleId}", "/tromso/frivillig/opplaering/rollen-som-frivillig", "/konto", "/konto/frivillig-attest",
                "/konto/mine-data", "/konto/mine-data?handler=Download", "/api/v1/tromso/volunteer-roles", "/ical/tromso.ics", feed,
            };
            foreach (var path in paths)
            {
                using var response = await session.Client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
                Assert.DoesNotContain(Canary, body, StringComparison.Ordinal);
            }

            var personal = await session.Client.GetStringAsync(feed);
            Assert.Contains("Vakt: Fortrolig rolle", personal.Replace("\r\n ", string.Empty, StringComparison.Ordinal));
            Assert.DoesNotContain("Ruth", personal);

            // The coordinator's pages are not theirs.
            using var manage = await session.Client.GetAsync(shiftAdmin);
            Assert.NotEqual(HttpStatusCode.OK, manage.StatusCode);
        }

        var mails = app.Mail.All();
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.DoesNotContain(Canary, (m.Subject ?? "") + m.TextBody + m.HtmlBody, StringComparison.Ordinal));
        await WaitUntilAsync(() => !hubMessages.IsEmpty);
        Assert.All(hubMessages, m => Assert.DoesNotContain(Canary, m, StringComparison.Ordinal));
        Assert.All(hubMessages, m => Assert.DoesNotContain("Ruth", m, StringComparison.Ordinal));
        Assert.Equal(0, await app.DbAsync(db => db.LiveJournal.CountAsync(e => e.Payload.Contains(Canary) || e.Payload.Contains("Ruth"))));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    private static async Task<string> FeedPathAsync(WebSession session)
    {
        var response = await session.PostFormAsync("/konto?handler=CalendarLink", new() { ["bekreftet"] = "ja" }, formPage: "/konto");
        return FeedAddress().Match(await WebSession.HtmlOf(response)).Groups[1].Value;
    }

    [GeneratedRegex("value=\"http://frivillig.test(/ical/me/[^\"]+)\"")]
    private static partial Regex FeedAddress();
}
