using System.Data.Common;
using System.Runtime.CompilerServices;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Calendar;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Frivillig.Web.Realtime;

/// <summary>
/// Side effects of calendar changes, run only once the change is committed: evicting the cached
/// calendars and feeds, and telling live pages. A SaveChanges inside an explicit transaction waits
/// for the commit; a rollback drops what it collected.
/// </summary>
public sealed class AfterCommitPublisher(IOutputCacheStore cache, LiveJournal journal,
    IServiceScopeFactory scopes, TimeProvider time, ILogger<AfterCommitPublisher> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Holds the entity, not its id: an added activity has its real id only after the save.</summary>
    private sealed record ActivityNote(Activity Entity, int MunicipalityId, string Kind)
    {
        public int ActivityId => Entity.Id;
    }

    private sealed record PlacesNote(int ActivityId, int MunicipalityId, DateTimeOffset? Date);

    private sealed class Pending
    {
        public List<ActivityNote> Activities { get; } = [];
        public List<PlacesNote> Places { get; } = [];
        public bool IsEmpty => Activities.Count == 0 && Places.Count == 0;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            FlushAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await FlushAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushAsync(eventData.Context, cancellationToken);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        var dateKinds = new Dictionary<int, string>();
        foreach (var entry in context.ChangeTracker.Entries<DateChange>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            dateKinds[entry.Entity.ActivityId] = entry.State == EntityState.Deleted ? "updated" : entry.Entity.Cancelled ? "date-cancelled" : "date-moved";
        }

        foreach (var entry in context.ChangeTracker.Entries<Activity>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (Kind(entry, dateKinds) is { } kind)
            {
                pending.Activities.Add(new ActivityNote(entry.Entity, entry.Entity.MunicipalityId, kind));
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<SignUp>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            pending.Places.Add(new PlacesNote(entry.Entity.ActivityId, entry.Entity.MunicipalityId, entry.Entity.OccurrenceStart));
        }
    }

    /// <summary>Drafts are nobody's business but the organisation's: their changes are not published.</summary>
    private static string? Kind(EntityEntry<Activity> entry, Dictionary<int, string> dateKinds)
    {
        var status = entry.Entity.Status;
        var original = entry.State == EntityState.Added ? ActivityStatus.Draft : entry.Property(a => a.Status).OriginalValue;
        return entry.State switch
        {
            EntityState.Added => status == ActivityStatus.Published ? "published" : null,
            EntityState.Deleted => original == ActivityStatus.Draft ? null : "deleted",
            _ when status == ActivityStatus.Draft => null,
            _ when original == ActivityStatus.Draft => "published",
            _ when status == ActivityStatus.Cancelled && original != ActivityStatus.Cancelled => "cancelled",
            _ => dateKinds.GetValueOrDefault(entry.Entity.Id, "updated"),
        };
    }

    private async Task FlushAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.IsEmpty)
        {
            return;
        }

        _pending.Remove(context);
        try
        {
            await PublishAsync(pending, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is committed; a failed notice must not turn it into an error for the user.
            logger.LogError(ex, "Publishing calendar changes after commit failed.");
        }
    }

    private async Task PublishAsync(Pending pending, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        using var system = db.Tenant.EnterSystemScope();
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);

        // Cached pages and feeds first, so a page that redraws on the message fetches fresh data.
        foreach (var id in pending.Activities.Select(a => a.MunicipalityId).Distinct())
        {
            await cache.EvictByTagAsync(CalendarCache.Tag(municipalities[id].Slug.ToLowerInvariant()), cancellationToken);
        }

        var now = time.GetUtcNow();
        var messages = new List<LiveMessage>();
        foreach (var note in pending.Activities.DistinctBy(a => a.ActivityId).ToList())
        {
            var municipality = municipalities[note.MunicipalityId];
            var row = await db.Activities.AsNoTracking().Include(a => a.DateChanges)
                .Where(a => a.Id == note.ActivityId)
                .Select(a => new { Activity = a, District = a.District!.Slug, Organisation = a.Organisation!.Slug })
                .SingleOrDefaultAsync(cancellationToken);
            var next = row is null ? [] : Recurrence.Expand(row.Activity, ActivityCalendar.Zone(municipality), now, now.AddDays(60))
                .Where(o => !o.Cancelled).Take(5).Select(o => o.Start).ToList();
            var change = new ActivityChange(municipality.Slug, note.ActivityId, note.Kind, row?.Activity.Sequence ?? 0,
                row?.Activity.Title ?? string.Empty, next, null);
            string[] groups = row is null
                ? [CalendarHub.Group(municipality.Slug), CalendarHub.Group(municipality.Slug, "activities", note.ActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture))]
                : [CalendarHub.Group(municipality.Slug), CalendarHub.Group(municipality.Slug, "districts", row.District),
                    CalendarHub.Group(municipality.Slug, "organisations", row.Organisation),
                    CalendarHub.Group(municipality.Slug, "activities", note.ActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            messages.Add(new LiveMessage(municipality.Id, groups, CalendarMessages.ActivityChanged, change));
        }

        foreach (var note in pending.Places.Distinct())
        {
            var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == note.ActivityId, cancellationToken);
            if (activity is null || activity.Status == ActivityStatus.Draft)
            {
                continue;
            }

            var municipality = municipalities[note.MunicipalityId];
            int? left = note.Date is { } date ? await Places.LeftAsync(db, activity, date, cancellationToken) : null;
            messages.Add(new LiveMessage(municipality.Id, [CalendarHub.Group(municipality.Slug, "activities", note.ActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                CalendarMessages.PlacesChanged, new PlacesChange(municipality.Slug, note.ActivityId, note.Date, left)));

            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == activity.OrganisationId).Select(o => o.Slug).SingleAsync(cancellationToken);
            var counts = await db.SignUps.Where(s => s.ActivityId == activity.Id && s.Status != SignUpStatus.Cancelled)
                .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            messages.Add(new LiveMessage(municipality.Id, [CalendarHub.Group(municipality.Slug, "members", organisation)], CalendarMessages.SignUpsChanged,
                new SignUpsChange(municipality.Slug, organisation, activity.Id, activity.Title,
                    counts.Where(c => c.Key == SignUpStatus.Confirmed).Sum(c => c.Count), counts.Where(c => c.Key == SignUpStatus.Waitlisted).Sum(c => c.Count))));
        }

        await journal.PublishAsync(messages, cancellationToken);
    }
}
