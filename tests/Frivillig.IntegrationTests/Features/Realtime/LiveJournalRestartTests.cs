using System.Collections.Concurrent;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Realtime;

/// <summary>The journal lives in the database: revisions go on growing across a restart, and catch-up reaches back over it.</summary>
public sealed class LiveJournalRestartTests : IDisposable
{
    private FrivilligApp _app = new();

    private async Task<(HubConnection Connection, ConcurrentQueue<ActivityChange> Changes)> ConnectAsync()
    {
        var app = _app;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, CalendarHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var changes = new ConcurrentQueue<ActivityChange>();
        connection.On<ActivityChange>(ActivityMessages.ActivityChanged, changes.Enqueue);
        await connection.StartAsync();
        return (connection, changes);
    }

    private static async Task<ActivityChange> HearAsync(ConcurrentQueue<ActivityChange> changes, int activityId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (changes.FirstOrDefault(c => c.ActivityId == activityId) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No change for activity {activityId}.");
    }

    private Task<int> CancelAsync(int id) => ActivityBuilder.CancelAsync(_app, id);

    [Fact]
    public async Task Revisions_keep_growing_across_a_restart_and_catch_up_reaches_back_over_it()
    {
        var (first, _) = await new ActivityBuilder("Før omstart").SaveAsync(_app);
        var (second, _) = await new ActivityBuilder("Etter omstart").SaveAsync(_app);

        var (before, heardBefore) = await ConnectAsync();
        var start = await before.InvokeAsync<long>("Follow", "tromso");
        await CancelAsync(first);
        var beforeRestart = await HearAsync(heardBefore, first);
        await before.DisposeAsync();

        _app = _app.Restart();

        var (after, heardAfter) = await ConnectAsync();
        Assert.True(await after.InvokeAsync<long>("Follow", "tromso") >= beforeRestart.Revision);
        await CancelAsync(second);
        var afterRestart = await HearAsync(heardAfter, second);
        Assert.True(afterRestart.Revision > beforeRestart.Revision,
            $"revision after restart {afterRestart.Revision} should be above {beforeRestart.Revision}");

        // A page that last saw the revision from before the first change gets both, across the restart.
        var (late, heardLate) = await ConnectAsync();
        await late.InvokeAsync<long>("Follow", "tromso");
        var result = await late.InvokeAsync<CatchUpResult>("CatchUp", "tromso", start);
        Assert.True(result.Complete);
        Assert.Equal(beforeRestart.Revision, (await HearAsync(heardLate, first)).Revision);
        Assert.Equal(afterRestart.Revision, (await HearAsync(heardLate, second)).Revision);
        await after.DisposeAsync();
        await late.DisposeAsync();
    }

    public void Dispose() => _app.Dispose();
}
