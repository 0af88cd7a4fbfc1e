using System.Collections.Concurrent;
using System.Globalization;
using Frivillig.IntegrationTests.Features.Activities;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Realtime;

/// <summary>The hub through Microsoft's .NET SignalR client, over the test server.</summary>
public sealed class CalendarHubTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    /// <summary>A signed-in connection: the sign-in cookie from the web form travels with the hub's requests.</summary>
    private async Task<(HubConnection Connection, ConcurrentQueue<SignUpsChange> SignUps)> ConnectAsAsync(string email)
    {
        var cookies = new System.Net.CookieContainer();
        using var client = app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        var session = new WebSession(client);
        var login = await session.PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = email, ["Input.Password"] = FrivilligApp.DemoPassword });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        var cookieHeader = cookies.GetCookieHeader(app.Server.BaseAddress);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, CalendarHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookieHeader;
            })
            .Build();
        var signUps = new ConcurrentQueue<SignUpsChange>();
        connection.On<SignUpsChange>(ActivityMessages.SignUpsChanged, signUps.Enqueue);
        await connection.StartAsync();
        return (connection, signUps);
    }

    private async Task<(HubConnection Connection, ConcurrentQueue<ActivityChange> Changes, ConcurrentQueue<PlacesChange> Places)> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, CalendarHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var changes = new ConcurrentQueue<ActivityChange>();
        var places = new ConcurrentQueue<PlacesChange>();
        connection.On<ActivityChange>(ActivityMessages.ActivityChanged, changes.Enqueue);
        connection.On<PlacesChange>(ActivityMessages.PlacesChanged, places.Enqueue);
        await connection.StartAsync();
        return (connection, changes, places);
    }

    private static async Task<T> WaitForAsync<T>(ConcurrentQueue<T> queue, Func<T, bool> match, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var found = queue.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching message within {seconds} s; got {queue.Count}.");
    }

    private Task<ActivityStatus> StatusAsync(int id) =>
        app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private Task<List<SignUpStatus>> SignUpStatusesAsync(int id) =>
        app.DbAsync(db => db.SignUps.Where(s => s.ActivityId == id).OrderBy(s => s.Id).Select(s => s.Status).ToListAsync());

    private async Task<int> PublishAsync(string title, string district = "tromsoya")
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var path = $"/tromso/organisasjoner/{orgId}/aktiviteter/ny";
        var saved = await WebSession.AssertRedirectAsync(await session.PostFormAsync($"{path}?handler=Save",
            await new ActivityForm { Title = title, District = district, Date = "2027-02-04" }.FieldsAsync(app), formPage: path));
        var id = int.Parse(saved.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(ActivityStatus.Published, await StatusAsync(id));
        return id;
    }

    [Fact]
    public async Task Followers_of_the_municipality_and_district_hear_of_a_new_activity_but_not_other_districts()
    {
        var (municipality, m, _) = await ConnectAsync();
        var (district, d, _) = await ConnectAsync();
        var (other, o, _) = await ConnectAsync();
        await municipality.InvokeAsync<long>("Follow", "tromso");
        await district.InvokeAsync<long>("Follow", "tromso/districts/tromsoya");
        await other.InvokeAsync<long>("Follow", "tromso/districts/kroken");

        var id = await PublishAsync("Live på Tromsøya");
        var change = await WaitForAsync(m, c => c.ActivityId == id);
        Assert.Equal("published", change.Kind);
        Assert.Equal("Live på Tromsøya", change.Title);
        Assert.Equal(Demo.Tromso, change.Municipality);
        Assert.True(change.Sequence >= 1);
        await WaitForAsync(d, c => c.ActivityId == id);
        await Task.Delay(500);
        Assert.DoesNotContain(o, c => c.ActivityId == id);

        await municipality.DisposeAsync();
        await district.DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_up_and_a_cancelled_activity_reach_the_activity_followers()
    {
        var (id, date) = await new ActivityBuilder("Live kurs", Capacity: 3).SaveAsync(app);
        var (connection, changes, places) = await ConnectAsync();
        await connection.InvokeAsync<long>("Follow", $"tromso/activities/{id}");

        await WebSession.AssertRedirectAsync(await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", new()
        {
            ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = "Live", ["Input.Email"] = "live@eksempel.no", ["Input.Phone"] = string.Empty,
        }));
        var placesChange = await WaitForAsync(places, p => p.ActivityId == id);
        Assert.Equal(2, placesChange.PlacesLeft);
        Assert.Equal([SignUpStatus.Confirmed], await SignUpStatusesAsync(id));

        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var manage = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}";
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{manage}/avlys?handler=CancelActivity", new() { ["bekreftet"] = "ja" }, formPage: manage));
        var cancelled = await WaitForAsync(changes, c => c.ActivityId == id && c.Kind == "cancelled");
        Assert.Equal("Live kurs", cancelled.Title);
        Assert.DoesNotContain(changes, c => c.ActivityId == id && c.Kind == "published");
        Assert.Equal(ActivityStatus.Cancelled, await StatusAsync(id));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task A_reconnecting_client_catches_up_from_the_revision_it_last_saw()
    {
        var (first, _, _) = await ConnectAsync();
        var revision = await first.InvokeAsync<long>("Follow", "tromso");
        await first.DisposeAsync();

        var id = await PublishAsync("Mens du var borte");
        await Task.Delay(300);

        var (again, changes, _) = await ConnectAsync();
        await again.InvokeAsync<long>("Follow", "tromso");
        var result = await again.InvokeAsync<CatchUpResult>("CatchUp", "tromso", revision);
        var missed = await WaitForAsync(changes, c => c.ActivityId == id);
        Assert.Equal("published", missed.Kind);
        Assert.True(result.Complete);
        Assert.True(result.Revision >= missed.Revision);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task Follow_takes_the_scope_alone_and_refuses_a_second_argument()
    {
        var (connection, _, _) = await ConnectAsync();
        Assert.True(await connection.InvokeAsync<long>("Follow", "tromso") >= 0);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<long>("Follow", "tromso", 5L));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Drafts_are_not_announced()
    {
        var (connection, changes, _) = await ConnectAsync();
        await connection.InvokeAsync<long>("Follow", "tromso");
        var session = await app.SignInAsync(Demo.Coordinator);
        var orgId = await app.OrganisationIdAsync(Demo.RodeKors);
        var path = $"/tromso/organisasjoner/{orgId}/aktiviteter/ny";
        await WebSession.AssertRedirectAsync(await session.PostFormAsync($"{path}?handler=Save",
            await new ActivityForm { Title = "Hemmelig live-utkast", Intent = "draft", Rusfri = false }.FieldsAsync(app), formPage: path));
        await Task.Delay(700);
        Assert.DoesNotContain(changes, c => c.Title == "Hemmelig live-utkast");
        // Saved all the same, as a draft: silence is not a lost save.
        Assert.Equal(ActivityStatus.Draft, await app.DbAsync(db => db.Activities.Where(a => a.Title == "Hemmelig live-utkast").Select(a => a.Status).SingleAsync()));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Members_hear_of_new_sign_ups_and_outsiders_cannot_join_the_members_group()
    {
        // Anonymous, and a signed-in member of another organisation: both refused.
        var (anonymous, _, _) = await ConnectAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<long>("Follow", $"tromso/members/{Demo.RodeKors}"));
        Assert.Contains("medlemmer", refused.Message, StringComparison.Ordinal);
        var (outsider, _) = await ConnectAsAsync(Demo.Member); // Kirkens Bymisjon only
        await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<long>("Follow", $"tromso/members/{Demo.RodeKors}"));

        var (member, signUps) = await ConnectAsAsync(Demo.Coordinator);
        await member.InvokeAsync<long>("Follow", $"tromso/members/{Demo.RodeKors}");
        var (id, date) = await new ActivityBuilder("Medlemskurs", Capacity: 1).SaveAsync(app);
        foreach (var name in new[] { "Første", "Andre" })
        {
            await WebSession.AssertRedirectAsync(await app.NewSession().PostFormAsync($"/tromso/aktiviteter/{id}?handler=SignUp", new()
            {
                ["Input.Date"] = date.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.Email"] = string.Empty, ["Input.Phone"] = "91234567",
            }));
        }

        var latest = await WaitForAsync(signUps, s => s.ActivityId == id && s.Waitlisted == 1);
        Assert.Equal(1, latest.Confirmed);
        Assert.Equal("Medlemskurs", latest.Title);
        Assert.Equal([SignUpStatus.Confirmed, SignUpStatus.Waitlisted], await SignUpStatusesAsync(id));
        await anonymous.DisposeAsync();
        await outsider.DisposeAsync();
        await member.DisposeAsync();
    }

    [Theory]
    [InlineData("atlantis")]
    [InlineData("tromso/districts/harestua")]
    [InlineData($"tromso/organisations/{Demo.PendingInTromso}")]
    [InlineData("tromso/activities/abc")]
    [InlineData("tromso/activities/999999")]
    [InlineData("tromso/members/1")]
    [InlineData("<script>")]
    [InlineData("tromso/districts/a\0b")]
    [InlineData("tromso/districts/TROMSOYA")]
    [InlineData("")]
    public async Task Unknown_or_malformed_scopes_are_refused_with_a_clear_error(string scope)
    {
        var (connection, _, _) = await ConnectAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<long>("Follow", scope));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Contains("scope", error.Message, StringComparison.OrdinalIgnoreCase);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task A_catch_up_from_the_start_is_whole_when_nothing_was_pruned()
    {
        // Revisions are shared by all municipalities; one with no messages yet still gets a whole replay.
        var (connection, _, _) = await ConnectAsync();
        await connection.InvokeAsync<long>("Follow", "lunner");
        var result = await connection.InvokeAsync<CatchUpResult>("CatchUp", "lunner", 0L);
        Assert.True(result.Complete);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task A_changed_date_is_named_in_the_message()
    {
        var (id, first) = await new ActivityBuilder("Datomelding", Frequency: RecurrenceFrequency.Weekly, Count: 3).SaveAsync(app);
        var (connection, changes, _) = await ConnectAsync();
        await connection.InvokeAsync<long>("Follow", $"tromso/activities/{id}");
        var original = new DateTimeOffset(first, TimeSpan.Zero).AddDays(7);
        await app.DbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.DateChanges).SingleAsync(a => a.Id == id);
            activity.CancelDate(original, null, FrivilligApp.Oslo, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var change = await WaitForAsync(changes, c => c.ActivityId == id && c.Kind == "date-cancelled");
        Assert.Equal(original, change.Date);
        await connection.DisposeAsync();
    }
}
