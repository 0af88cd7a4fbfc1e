using System.Collections.Concurrent;
using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Frivillig.Web.Features.Calendar;

/// <summary>
/// Every published or cancelled activity of a municipality, read once and kept in memory, for the
/// calendar's queries. A profile of the calendar page under random filters (issue 13) found three
/// quarters of each request in SQLite scanning all activities twice (the week, then a year for the
/// next match), so filters now run over this list instead: only the full-text search still asks the
/// database, through its index, for the ids that match. Any saved change to an activity, its dates,
/// an organisation or a district makes the next query read the list again; a list is at most
/// <see cref="MaxAge"/> old in any case. One read per municipality at a time: the others wait for it.
/// </summary>
public sealed class CalendarSnapshots(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    public sealed record Entry(Activity Activity, ActivitySummary Summary);

    public sealed record Snapshot(long Version, DateTimeOffset ReadAt, IReadOnlyList<Entry> Activities)
    {
        /// <summary>The most searches whose answers a snapshot keeps.</summary>
        public const int MaxSearches = 4096;

        /// <summary>
        /// Ids of the activities the full-text index found for a search (its words joined by a space),
        /// kept for as long as this list: the index changes only when an activity does, and that
        /// replaces the list. People search for the same few words all day; each is asked once.
        /// </summary>
        public ConcurrentDictionary<string, IReadOnlySet<int>> Searches { get; } = new(StringComparer.Ordinal);
    }

    private readonly ConcurrentDictionary<int, Lazy<Task<Snapshot>>> _byMunicipality = new();
    private long _version;

    /// <summary>Something the calendar shows was saved; the next query reads it again.</summary>
    public void Changed() => Interlocked.Increment(ref _version);

    public async Task<Snapshot> GetAsync(Municipality municipality, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = _byMunicipality.GetOrAdd(municipality.Id, _ => new Lazy<Task<Snapshot>>(() => ReadAsync(municipality)));
            Snapshot snapshot;
            try
            {
                snapshot = await lazy.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed read is not kept: the next query tries again.
                _byMunicipality.TryRemove(new(municipality.Id, lazy));
                throw;
            }

            if (snapshot.Version == Interlocked.Read(ref _version) && time.GetUtcNow() - snapshot.ReadAt < MaxAge)
            {
                return snapshot;
            }

            _byMunicipality.TryRemove(new(municipality.Id, lazy));
        }
    }

    private async Task<Snapshot> ReadAsync(Municipality municipality)
    {
        // The version before reading: a change saved while this reads makes the result old at once.
        var version = Interlocked.Read(ref _version);
        var readAt = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        db.Tenant.Set(municipality);
        // Not the caller's token: others wait for this read, and one of them leaving must not fail it.
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.Status != ActivityStatus.Draft)
            .Select(a => new
            {
                Activity = a,
                Summary = new ActivitySummary(a.Id, a.Title, a.Summary, a.District!.Slug, a.District.Name, a.Organisation!.Slug, a.Organisation.Name,
                    a.CategorySlug, a.IsDropIn, a.Status, a.Place, a.Capacity, a.PriceNok, a.TargetGroups, a.Sequence, a.Contact),
                a.DateChanges,
            })
            .ToListAsync(CancellationToken.None);
        var entries = new List<Entry>(rows.Count);
        foreach (var row in rows)
        {
            row.Activity.DateChanges = row.DateChanges;
            entries.Add(new Entry(row.Activity, row.Summary));
        }

        return new Snapshot(version, readAt, entries);
    }

    /// <summary>Marks the snapshots old when a save touches what the calendar shows (also saves outside any feature's events, such as seeding).</summary>
    internal sealed class Invalidation(CalendarSnapshots snapshots) : SaveChangesInterceptor, IDbTransactionInterceptor
    {
        private static readonly Type[] Shown = [typeof(Activity), typeof(DateChange), typeof(Organisation), typeof(District)];

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Check(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(eventData.Context);
            return ValueTask.FromResult(result);
        }

        // After the save too (and after a transaction's commit), so that a read that started in between does not stay.
        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Saved(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

        public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed(eventData.Context);
            return Task.CompletedTask;
        }

        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _touched = [];

        private void Saved(DbContext? context)
        {
            if (context is not null && _touched.TryGetValue(context, out _))
            {
                snapshots.Changed();
                if (context.Database.CurrentTransaction is null)
                {
                    _touched.Remove(context);
                }
            }
        }

        private void Committed(DbContext? context)
        {
            if (context is not null && _touched.TryGetValue(context, out _))
            {
                snapshots.Changed();
                _touched.Remove(context);
            }
        }

        private void Check(DbContext? context)
        {
            if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && Array.Exists(Shown, t => t.IsInstanceOfType(e.Entity))))
            {
                snapshots.Changed();
                _touched.AddOrUpdate(context, this);
            }
        }
    }
}
