using System.Globalization;
using Frivillig.Web.Realtime;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

/// <summary>What a page needs to redraw one activity, and nothing that is not public. The journal sets the revision.</summary>
public sealed record ActivityChange(string Municipality, int ActivityId, string Kind, int Sequence, string Title,
    IReadOnlyList<DateTimeOffset> NextDates, DateTimeOffset? Date)
{
    public long Revision { get; init; }
}

/// <summary>Places left on a date (null for the whole series, or without a limit).</summary>
public sealed record PlacesChange(string Municipality, int ActivityId, DateTimeOffset? Date, int? PlacesLeft)
{
    public long Revision { get; init; }
}

/// <summary>For an organisation's own members: counts only, so nothing personal travels even there.</summary>
public sealed record SignUpsChange(string Municipality, string Organisation, int ActivityId, string Title, int Confirmed, int Waitlisted)
{
    public long Revision { get; init; }
}

/// <summary>The client methods the activity messages arrive at, with one argument each: the message.</summary>
public static class ActivityMessages
{
    public const string ActivityChanged = nameof(ActivityChanged);
    public const string PlacesChanged = nameof(PlacesChanged);
    public const string SignUpsChanged = nameof(SignUpsChanged);
}

/// <summary>
/// Tells live pages of committed changes to activities and places, once per commit: the affected
/// activities and the sign-up counts are each read in one query, whatever the number of events.
/// </summary>
internal sealed class ActivityLive(FrivilligDbContext db, LiveJournal journal, MunicipalityDirectory directory, TimeProvider time)
    : IAfterCommitHandler<ActivityEvent>, IAfterCommitHandler<SignUpEvent>
{
    private sealed record Row(Activity Activity, string District, string Organisation);

    public async Task HandleAsync(IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken)
    {
        // One message per activity: a substantive change (published, cancelled, a date) outranks a plain update.
        var changes = events.GroupBy(e => e.Activity)
            .Select(g => (Activity: g.Key, Kind: g.Select(e => e.Kind).LastOrDefault(k => k != "updated") ?? "updated", Date: g.Select(DateOf).LastOrDefault(d => d is not null)))
            .ToList();
        var rows = await LoadAsync(changes.Select(c => c.Activity.Id), cancellationToken);
        var now = time.GetUtcNow();
        var messages = new List<LiveMessage>();
        foreach (var (activity, kind, date) in changes)
        {
            if (await directory.FindByIdAsync(activity.MunicipalityId, cancellationToken) is not { } municipality)
            {
                continue;
            }

            var id = activity.Id.ToString(CultureInfo.InvariantCulture);
            var row = rows.GetValueOrDefault(activity.Id);
            var next = row is null ? [] : row.Activity.Occurrences(MunicipalClock.ZoneOf(municipality), now, now.AddDays(60))
                .Where(o => !o.Cancelled).Take(5).Select(o => o.Start).ToList();
            // A deleted activity is gone from the database: those following it, or the whole municipality, are told.
            string[] groups = row is null
                ? [CalendarHub.Group(municipality.Slug), CalendarHub.Group(municipality.Slug, "activities", id)]
                : [CalendarHub.Group(municipality.Slug), CalendarHub.Group(municipality.Slug, "districts", row.District),
                    CalendarHub.Group(municipality.Slug, "organisations", row.Organisation), CalendarHub.Group(municipality.Slug, "activities", id)];
            messages.Add(new LiveMessage(municipality.Id, groups, ActivityMessages.ActivityChanged,
                new ActivityChange(municipality.Slug, activity.Id, kind, row?.Activity.Sequence ?? activity.Sequence, row?.Activity.Title ?? activity.Title, next, date)));
        }

        await journal.PublishAsync(messages, cancellationToken);
    }

    public async Task HandleAsync(IReadOnlyList<SignUpEvent> events, CancellationToken cancellationToken)
    {
        var dates = events.Select(e => (e.SignUp.ActivityId, e.SignUp.OccurrenceStart)).Distinct().ToList();
        var ids = dates.Select(d => d.ActivityId).Distinct().ToList();
        var rows = await LoadAsync(ids, cancellationToken);
        using var system = db.Tenant.EnterSystemScope();
        var counts = await db.SignUps.AsNoTracking().Where(s => ids.Contains(s.ActivityId) && s.Status != SignUpStatus.Cancelled)
            .GroupBy(s => new { s.ActivityId, s.OccurrenceStart, s.Status })
            .Select(g => new { g.Key.ActivityId, g.Key.OccurrenceStart, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var messages = new List<LiveMessage>();
        foreach (var (activityId, date) in dates)
        {
            if (rows.GetValueOrDefault(activityId) is not { Activity.IsPublic: true } row
                || await directory.FindByIdAsync(row.Activity.MunicipalityId, cancellationToken) is not { } municipality)
            {
                continue;
            }

            // A place on one date is taken by those signed up for it and by those signed up for the whole series.
            var taken = counts.Where(c => c.ActivityId == activityId && c.Status == SignUpStatus.Confirmed && (c.OccurrenceStart == date || c.OccurrenceStart == null)).Sum(c => c.Count);
            int? left = date is not null && row.Activity.Capacity is { } capacity ? Math.Max(0, capacity - taken) : null;
            messages.Add(new LiveMessage(municipality.Id, [CalendarHub.Group(municipality.Slug, "activities", activityId.ToString(CultureInfo.InvariantCulture))],
                ActivityMessages.PlacesChanged, new PlacesChange(municipality.Slug, activityId, date, left)));
        }

        foreach (var activityId in ids)
        {
            if (rows.GetValueOrDefault(activityId) is not { Activity.IsPublic: true } row
                || await directory.FindByIdAsync(row.Activity.MunicipalityId, cancellationToken) is not { } municipality)
            {
                continue;
            }

            int Count(SignUpStatus status) => counts.Where(c => c.ActivityId == activityId && c.Status == status).Sum(c => c.Count);
            messages.Add(new LiveMessage(municipality.Id, [CalendarHub.Group(municipality.Slug, "members", row.Organisation)], ActivityMessages.SignUpsChanged,
                new SignUpsChange(municipality.Slug, row.Organisation, activityId, row.Activity.Title, Count(SignUpStatus.Confirmed), Count(SignUpStatus.Waitlisted))));
        }

        await journal.PublishAsync(messages, cancellationToken);
    }

    /// <summary>The date a change was about, by its original start: a page can tell which of its dates changed.</summary>
    private static DateTimeOffset? DateOf(ActivityEvent e) => e switch
    {
        DateCancelled c => c.OriginalStart,
        DateMoved m => m.OriginalStart,
        DateRestored r => r.OriginalStart,
        _ => null,
    };

    private async Task<Dictionary<int, Row>> LoadAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        using var system = db.Tenant.EnterSystemScope();
        return await db.Activities.AsNoTracking().Include(a => a.DateChanges).Where(a => list.Contains(a.Id))
            .Select(a => new Row(a, a.District!.Slug, a.Organisation!.Slug))
            .ToDictionaryAsync(r => r.Activity.Id, cancellationToken);
    }
}
