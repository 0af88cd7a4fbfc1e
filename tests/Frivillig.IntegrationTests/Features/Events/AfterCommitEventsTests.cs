using System.Collections.Concurrent;
using System.Diagnostics;
using ActivityEvent = Frivillig.Model.Activities.ActivityEvent;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Events;

/// <summary>Named events reach each feature's handlers once the change is committed, never before, never after a rollback, under their own cancellation.</summary>
public sealed class AfterCommitEventsTests : IDisposable
{
    private readonly Recorder _recorder = new();
    private readonly FrivilligApp _app;

    public AfterCommitEventsTests()
    {
        _app = new FrivilligApp().WithServices(s =>
        {
            s.AddSingleton(_recorder);
            s.AddAfterCommitHandler<ActivityEvent, RecordingHandler>();
        });
    }

    /// <summary>What a test handler saw: the events of each call, and whether its token was the request's.</summary>
    public sealed class Recorder
    {
        public ConcurrentQueue<IReadOnlyList<ActivityEvent>> Calls { get; } = new();
        public ConcurrentQueue<bool> TokenWasTheRequests { get; } = new();
    }

    public sealed class RecordingHandler(Recorder recorder, IHttpContextAccessor http) : IAfterCommitHandler<ActivityEvent>
    {
        public Task HandleAsync(IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken)
        {
            recorder.Calls.Enqueue(events);
            if (http.HttpContext is { } context)
            {
                recorder.TokenWasTheRequests.Enqueue(cancellationToken == context.RequestAborted);
            }

            return Task.CompletedTask;
        }
    }

    private async Task<int> PublishedAsync(string title) => (await new ActivityBuilder(title).SaveAsync(_app)).Id;

    [Fact]
    public async Task Inside_a_transaction_events_wait_for_the_commit_and_a_rollback_drops_them()
    {
        var id = await PublishedAsync("Transaksjon");
        _recorder.Calls.Clear();
        await _app.DbAsync(async db =>
        {
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var activity = await db.Activities.SingleAsync(a => a.Id == id);
                activity.Cancel(_app.Clock.GetUtcNow());
                await db.SaveChangesAsync();
                Assert.Empty(_recorder.Calls); // saved, not committed
                await tx.RollbackAsync();
            }

            Assert.Empty(_recorder.Calls);
            db.ChangeTracker.Clear();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var activity = await db.Activities.SingleAsync(a => a.Id == id);
                activity.Cancel(_app.Clock.GetUtcNow());
                await db.SaveChangesAsync();
                Assert.Empty(_recorder.Calls);
                await tx.CommitAsync();
            }

            return 0;
        });

        var call = Assert.Single(_recorder.Calls);
        Assert.IsType<ActivityCancelled>(Assert.Single(call));
        Assert.Equal(ActivityStatus.Cancelled, await _app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_failed_save_raises_nothing()
    {
        var id = await PublishedAsync("Feilet lagring");
        _recorder.Calls.Clear();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => _app.DbAsync(async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == id);
            activity.Cancel(_app.Clock.GetUtcNow());
            db.Entry(activity).Property(a => a.DistrictId).CurrentValue = int.MaxValue; // a district that does not exist
            return await db.SaveChangesAsync();
        }));
        Assert.Empty(_recorder.Calls);
        Assert.Equal(ActivityStatus.Published, await _app.DbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_handler_from_a_request_runs_under_its_own_token_not_the_requests()
    {
        var coordinator = await _app.SignInAsync(Demo.Coordinator);
        var orgId = await _app.OrganisationIdAsync(Demo.RodeKors);
        var id = await PublishedAsync("Eget token");
        var page = $"/tromso/organisasjoner/{orgId}/aktiviteter/{id}/avlys";
        await WebSession.AssertRedirectAsync(await coordinator.PostFormAsync($"{page}?handler=CancelActivity", new() { ["bekreftet"] = "ja" }, formPage: page));
        Assert.Contains(_recorder.Calls, c => c.Any(e => e is ActivityCancelled && e.Activity.Id == id));
        Assert.NotEmpty(_recorder.TokenWasTheRequests);
        Assert.DoesNotContain(true, _recorder.TokenWasTheRequests);
    }

    [Fact]
    public async Task One_commit_of_many_changes_is_one_call_and_a_few_queries_not_one_per_event()
    {
        var ids = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await PublishedAsync($"Mange {i}"));
        }

        _recorder.Calls.Clear();
        using var queries = new QueryCounter(_app);
        await _app.DbAsync(async db =>
        {
            foreach (var activity in await db.Activities.Where(a => ids.Contains(a.Id)).ToListAsync())
            {
                activity.Cancel(_app.Clock.GetUtcNow());
            }

            queries.Start();
            return await db.SaveChangesAsync();
        });

        Assert.Equal(20, Assert.Single(_recorder.Calls).Count);
        // The save's updates, one read of the activities for the live pages, one write to the journal.
        Assert.True(queries.Selects is >= 1 and <= 3, $"{queries.Selects} reads after the save of 20 changes");
    }

    public void Dispose() => _app.Dispose();

    /// <summary>Counts the commands EF Core sends to this app's database, from <see cref="Start"/> on.</summary>
    private sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _database;
        private readonly List<IDisposable> _subscriptions = [];
        private int _selects;
        private bool _started;

        public QueryCounter(FrivilligApp app)
        {
            _database = app.Database.ConnectionString;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Selects => _selects;

        public void Start() => _started = true;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (_started && value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && _database.Contains(data.Connection.Database == "main" ? data.Connection.DataSource : data.Connection.Database, StringComparison.Ordinal)
                && data.Command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _selects);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());
    }
}
