using Microsoft.EntityFrameworkCore;

namespace Frivillig.Model.Activities;

/// <summary>
/// Places on a date: capacity less confirmed sign-ups for that date and for the whole series.
/// Callers hold a write transaction (SQLite: BEGIN IMMEDIATE) so two people cannot take the last place.
/// </summary>
public static class Places
{
    public static async Task<int?> LeftAsync(FrivilligDbContext db, Activity activity, DateTimeOffset occurrenceStart, CancellationToken ct)
    {
        if (activity.Capacity is not { } capacity)
        {
            return null;
        }

        var taken = await db.SignUps.CountAsync(s => s.ActivityId == activity.Id && s.Status == SignUpStatus.Confirmed
            && (s.OccurrenceStart == occurrenceStart || s.OccurrenceStart == null), ct);
        return Math.Max(0, capacity - taken);
    }

    /// <summary>The dates a series sign-up must fit on: the coming ones, at most 26, within a year.</summary>
    public static IReadOnlyList<DateTimeOffset> UpcomingStarts(Activity activity, TimeZoneInfo zone, DateTimeOffset now) =>
        [.. Recurrence.Expand(activity, zone, now, now.AddYears(1)).Where(o => !o.Cancelled).Select(o => o.OriginalStart).Take(26)];

    public static async Task<bool> FitsAsync(FrivilligDbContext db, Activity activity, TimeZoneInfo zone, DateTimeOffset? occurrenceStart, DateTimeOffset now, CancellationToken ct)
    {
        if (activity.Capacity is null)
        {
            return true;
        }

        var dates = occurrenceStart is { } one ? [one] : UpcomingStarts(activity, zone, now);
        foreach (var date in dates)
        {
            if (await LeftAsync(db, activity, date, ct) is <= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// After a place frees: confirm waitlisted sign-ups in the order they came, as far as places allow.
    /// Returns those promoted so the caller can tell them (after commit, through the outbox).
    /// </summary>
    public static async Task<IReadOnlyList<SignUp>> PromoteAsync(FrivilligDbContext db, Activity activity, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await db.SignUps.Where(s => s.ActivityId == activity.Id && s.Status == SignUpStatus.Waitlisted)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var promoted = new List<SignUp>();
        foreach (var signUp in waiting)
        {
            if (signUp.OccurrenceStart is { } date && date < now)
            {
                continue;
            }

            if (await FitsAsync(db, activity, zone, signUp.OccurrenceStart, now, ct))
            {
                signUp.Status = SignUpStatus.Confirmed;
                signUp.PromotedAt = now;
                await db.SaveChangesAsync(ct); // Counted by the next FitsAsync in the same transaction.
                promoted.Add(signUp);
            }
        }

        return promoted;
    }
}
