namespace Frivillig.Model.Activities;

/// <summary>
/// The rules for places: capacity less confirmed sign-ups for a date and for the whole series. Every
/// change that counts and then writes holds the activity's row lock for the rest of the caller's
/// transaction (<see cref="FrivilligDbContext.LockRowAsync{TEntity}"/>), so two people can never take
/// the last place, on either database.
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
        [.. activity.Occurrences(zone, now, now.AddYears(1)).Where(o => !o.Cancelled).Select(o => o.OriginalStart).Take(26)];

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

    /// <summary>A place if there is room, else the waitlist; inside the caller's transaction, under the activity's lock.</summary>
    public static async Task<SignUp> SignUpAsync(FrivilligDbContext db, Activity activity, DateTimeOffset? occurrenceStart, SignUpPerson person, string tokenHash,
        TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        await db.LockRowAsync<Activity>(activity.Id, ct);
        var signUp = SignUp.Take(activity, occurrenceStart, person, await FitsAsync(db, activity, zone, occurrenceStart, now, ct), tokenHash, now);
        db.SignUps.Add(signUp);
        await db.SaveChangesAsync(ct); // the id is the UID of the invitation mailed next
        return signUp;
    }

    /// <summary>
    /// Cancels a sign-up, inside the caller's transaction and under the activity's lock; a freed place
    /// goes to those waiting, in the order they came. Returns those promoted, to be told.
    /// </summary>
    public static async Task<IReadOnlyList<SignUp>> CancelAsync(FrivilligDbContext db, SignUp signUp, Activity activity, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        await db.LockRowAsync<Activity>(activity.Id, ct);
        var hadPlace = signUp.HasPlace;
        signUp.Cancel(now);
        await db.SaveChangesAsync(ct);
        return hadPlace ? await PromoteAsync(db, activity, zone, now, ct) : [];
    }

    private static async Task<IReadOnlyList<SignUp>> PromoteAsync(FrivilligDbContext db, Activity activity, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await db.SignUps.Where(s => s.ActivityId == activity.Id && s.Status == SignUpStatus.Waitlisted)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var promoted = new List<SignUp>();
        foreach (var signUp in waiting.Where(s => s.OccurrenceStart is not { } date || date >= now))
        {
            if (await FitsAsync(db, activity, zone, signUp.OccurrenceStart, now, ct))
            {
                signUp.Promote(now);
                await db.SaveChangesAsync(ct); // counted by the next FitsAsync in the same transaction
                promoted.Add(signUp);
            }
        }

        return promoted;
    }

    /// <summary>
    /// A sign-up for one date is keyed by that date's start. When the series moves to another time of
    /// day, each coming sign-up follows its date to the new time, so nobody loses a place by an edit.
    /// </summary>
    public static async Task FollowSeriesAsync(FrivilligDbContext db, Activity activity, DateTimeOffset previousStart, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        var shift = TimeZoneInfo.ConvertTime(activity.StartsAt, zone).TimeOfDay - TimeZoneInfo.ConvertTime(previousStart, zone).TimeOfDay;
        if (shift == TimeSpan.Zero)
        {
            return;
        }

        var coming = await db.SignUps.Where(s => s.ActivityId == activity.Id && s.OccurrenceStart != null && s.OccurrenceStart >= now && s.Status != SignUpStatus.Cancelled).ToListAsync(ct);
        foreach (var signUp in coming)
        {
            var moved = MunicipalClock.ToUtc(TimeZoneInfo.ConvertTime(signUp.OccurrenceStart!.Value, zone).DateTime + shift, zone);
            if (activity.IsOccurrence(zone, moved))
            {
                signUp.FollowDate(moved);
            }
        }
    }
}
