namespace Frivillig.Model.Activities;

/// <summary>
/// The rules for places: capacity less confirmed sign-ups for a date and for the whole series. Every
/// change that counts and then writes holds the activity's row lock for the rest of the caller's
/// transaction (<see cref="FrivilligDbContext.LockRowAsync{TEntity}"/>), so two people can never take
/// the last place, on either database.
/// </summary>
public static class Places
{
    public static async Task<int?> LeftAsync(FrivilligDbContext db, Activity activity, DateTimeOffset occurrenceStart, CancellationToken ct) =>
        activity.Capacity is { } capacity ? Math.Max(0, capacity - await TakenAsync(db, activity.Id, occurrenceStart, ct)) : null;

    /// <summary>
    /// Places taken on one date: the confirmed sign-ups for that date, and the confirmed whole-series
    /// sign-ups that are not waiting for it.
    /// </summary>
    public static Task<int> TakenAsync(FrivilligDbContext db, int activityId, DateTimeOffset occurrenceStart, CancellationToken ct) =>
        db.SignUps.CountAsync(s => s.ActivityId == activityId && s.Status == SignUpStatus.Confirmed
            && (s.OccurrenceStart == occurrenceStart || (s.OccurrenceStart == null && !s.WaitlistedDates.Any(w => w.OccurrenceStart == occurrenceStart))), ct);

    /// <summary>The dates a series sign-up must fit on: the coming ones, at most 26, within a year.</summary>
    public static IReadOnlyList<DateTimeOffset> UpcomingStarts(Activity activity, TimeZoneInfo zone, DateTimeOffset now) =>
        [.. activity.Occurrences(zone, now, now.AddYears(1)).Where(o => !o.Cancelled).Select(o => o.OriginalStart).Take(26)];

    /// <summary>The coming dates of the series with no place left.</summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> FullDatesAsync(FrivilligDbContext db, Activity activity, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        if (activity.Capacity is null)
        {
            return [];
        }

        var full = new List<DateTimeOffset>();
        foreach (var date in UpcomingStarts(activity, zone, now))
        {
            if (await LeftAsync(db, activity, date, ct) is <= 0)
            {
                full.Add(date);
            }
        }

        return full;
    }

    public static async Task<bool> FitsAsync(FrivilligDbContext db, Activity activity, TimeZoneInfo zone, DateTimeOffset? occurrenceStart, DateTimeOffset now, CancellationToken ct) =>
        activity.Capacity is null || (occurrenceStart is { } one
            ? await LeftAsync(db, activity, one, ct) is > 0
            : (await FullDatesAsync(db, activity, zone, now, ct)).Count == 0);

    /// <summary>
    /// A place if there is room, else the waitlist; inside the caller's transaction, under the activity's
    /// lock. For the whole series: a place on each date with room, the waitlist on each full one.
    /// </summary>
    public static async Task<SignUp> SignUpAsync(FrivilligDbContext db, Activity activity, DateTimeOffset? occurrenceStart, SignUpPerson person, string tokenHash,
        TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        await db.LockRowAsync<Activity>(activity.Id, ct);
        var signUp = occurrenceStart is null
            ? SignUp.TakeSeries(activity, person, await FullDatesAsync(db, activity, zone, now, ct), tokenHash, now)
            : SignUp.Take(activity, occurrenceStart, person, await FitsAsync(db, activity, zone, occurrenceStart, now, ct), tokenHash, now);
        db.SignUps.Add(signUp);
        await db.SaveChangesAsync(ct); // the id is the UID of the invitation mailed next
        return signUp;
    }

    /// <summary>
    /// Cancels a sign-up (the person's own link, or the organiser removing it), inside the caller's
    /// transaction and under the activity's lock; a freed place goes to those waiting, in the order they
    /// came. Returns those promoted, to be told.
    /// </summary>
    public static async Task<IReadOnlyList<Promotion>> CancelAsync(FrivilligDbContext db, SignUp signUp, Activity activity, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        await db.LockRowAsync<Activity>(activity.Id, ct);
        var hadPlace = signUp.HasPlace;
        signUp.Cancel(now);
        await db.SaveChangesAsync(ct);
        return hadPlace ? await PromoteAsync(db, activity, zone, now, ct) : [];
    }

    /// <summary>
    /// The organiser moves a one-date sign-up to another date: a place there if there is room, else its
    /// waitlist; a place freed on the old date goes to those waiting for it. Returns those promoted.
    /// </summary>
    public static async Task<IReadOnlyList<Promotion>> MoveAsync(FrivilligDbContext db, SignUp signUp, Activity activity, DateTimeOffset to, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        await db.LockRowAsync<Activity>(activity.Id, ct);
        var hadPlace = signUp.HasPlace;
        signUp.MoveTo(to, await FitsAsync(db, activity, zone, to, now, ct), now);
        await db.SaveChangesAsync(ct);
        return hadPlace ? await PromoteAsync(db, activity, zone, now, ct) : [];
    }

    /// <summary>One person given a place: a one-date sign-up, or one date (<see cref="Date"/>) of a series sign-up.</summary>
    public sealed record Promotion(SignUp SignUp, DateTimeOffset? Date);

    private static async Task<IReadOnlyList<Promotion>> PromoteAsync(FrivilligDbContext db, Activity activity, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        // Everyone waiting, in the order they came: one-date sign-ups on the waitlist, and the full dates
        // whole-series sign-ups wait for.
        var waiting = await db.SignUps.Include(s => s.WaitlistedDates)
            .Where(s => s.ActivityId == activity.Id && (s.Status == SignUpStatus.Waitlisted || (s.Status == SignUpStatus.Confirmed && s.WaitlistedDates.Any())))
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var promoted = new List<Promotion>();
        foreach (var signUp in waiting)
        {
            if (signUp.Status == SignUpStatus.Waitlisted)
            {
                if ((signUp.OccurrenceStart is not { } date || date >= now) && await FitsAsync(db, activity, zone, signUp.OccurrenceStart, now, ct))
                {
                    signUp.Promote(now);
                    await db.SaveChangesAsync(ct); // counted by the next FitsAsync in the same transaction
                    promoted.Add(new Promotion(signUp, null));
                }

                continue;
            }

            foreach (var date in signUp.WaitlistedDates.Select(w => w.OccurrenceStart).Where(d => d >= now).Order().ToList())
            {
                if (await LeftAsync(db, activity, date, ct) is > 0)
                {
                    signUp.PromoteOn(date, now);
                    await db.SaveChangesAsync(ct);
                    promoted.Add(new Promotion(signUp, date));
                }
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
