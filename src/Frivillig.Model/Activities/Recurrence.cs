namespace Frivillig.Model.Activities;

/// <summary>One date of an activity, as a resident sees it.</summary>
public sealed record Occurrence(int ActivityId, DateTimeOffset OriginalStart, DateTimeOffset Start, DateTimeOffset End, bool Cancelled, bool Moved, string? Note);

/// <summary>
/// Expands an activity into dates, in the municipality's local time: the wall-clock time of the first
/// occurrence is kept on every date and converted to UTC per date, so DST moves the instant, not the
/// clock. Open-ended series are expanded only inside the window asked for.
/// </summary>
public static class Recurrence
{
    /// <summary>A guard for absurd windows; the API refuses windows over a year anyway.</summary>
    public const int MaxOccurrences = 2000;

    public static IEnumerable<Occurrence> Expand(Activity activity, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var exceptions = activity.DateChanges.ToDictionary(e => e.OriginalStart.UtcTicks);
        var duration = activity.EndsAt - activity.StartsAt;
        var results = new List<Occurrence>();

        foreach (var start in Starts(activity, zone, from - duration, to))
        {
            if (exceptions.Remove(start.UtcTicks, out var exception))
            {
                var moved = exception.NewStart is not null;
                var s = exception.NewStart ?? start;
                var e = exception.NewEnd ?? s + duration;
                if (s < to && e > from)
                {
                    results.Add(new Occurrence(activity.Id, start, s, e, exception.Cancelled, moved, exception.Note));
                }

                continue;
            }

            var end = start + duration;
            if (end > from)
            {
                results.Add(new Occurrence(activity.Id, start, start, end, false, false, null));
            }
        }

        // A date moved into the window from outside it.
        foreach (var exception in exceptions.Values)
        {
            if (exception.NewStart is { } s && s < to && (exception.NewEnd ?? s + duration) > from && IsOccurrence(activity, zone, exception.OriginalStart))
            {
                results.Add(new Occurrence(activity.Id, exception.OriginalStart, s, exception.NewEnd ?? s + duration, exception.Cancelled, true, exception.Note));
            }
        }

        return results.OrderBy(o => o.Start);
    }

    /// <summary>The original starts of the series that begin in [from, to), as UTC instants.</summary>
    public static IEnumerable<DateTimeOffset> Starts(Activity activity, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var firstLocal = TimeZoneInfo.ConvertTime(activity.StartsAt, zone).DateTime;
        if (activity.Frequency == RecurrenceFrequency.None)
        {
            if (activity.StartsAt >= from && activity.StartsAt < to)
            {
                yield return activity.StartsAt.ToUniversalTime();
            }

            yield break;
        }

        // Jump close to the window instead of walking a long series from its first date.
        var fromLocal = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var index = 0;
        if (activity.Count is null && fromLocal > firstLocal)
        {
            index = activity.Frequency switch
            {
                RecurrenceFrequency.Weekly => Math.Max(0, (int)((fromLocal - firstLocal).TotalDays / 7) - 1),
                RecurrenceFrequency.EveryOtherWeek => Math.Max(0, (int)((fromLocal - firstLocal).TotalDays / 14) - 1),
                _ => Math.Max(0, ((fromLocal.Year - firstLocal.Year) * 12) + fromLocal.Month - firstLocal.Month - 1),
            };
        }

        for (var produced = 0; produced < MaxOccurrences; index++)
        {
            if (activity.Count is { } count && index >= count)
            {
                yield break;
            }

            // Near the end of the calendar the series simply ends, rather than overflow DateTime.
            if (DateTime.MaxValue - firstLocal < TimeSpan.FromDays((index + 1) * 31.0))
            {
                yield break;
            }

            var local = LocalStart(activity.Frequency, firstLocal, index);
            if (local is null)
            {
                continue; // A month without that weekday ordinal cannot happen with our rule, but stay safe.
            }

            if (activity.Until is { } until && DateOnly.FromDateTime(local.Value) > until)
            {
                yield break;
            }

            var utc = ToUtc(local.Value, zone);
            if (utc >= to)
            {
                yield break;
            }

            if (utc >= from)
            {
                produced++;
                yield return utc;
            }
        }
    }

    /// <summary>
    /// One date of the series by its original start (the RECURRENCE-ID), as it is now: cancelled,
    /// moved (however far) or as planned; null when the series has no such date.
    /// </summary>
    public static Occurrence? Find(Activity activity, TimeZoneInfo zone, DateTimeOffset originalStart)
    {
        if (!IsOccurrence(activity, zone, originalStart))
        {
            return null;
        }

        var duration = activity.EndsAt - activity.StartsAt;
        var change = activity.DateChanges.FirstOrDefault(c => c.OriginalStart == originalStart);
        if (change is null)
        {
            return new Occurrence(activity.Id, originalStart, originalStart, originalStart + duration, false, false, null);
        }

        var start = change.NewStart ?? originalStart;
        return new Occurrence(activity.Id, originalStart, start, change.NewEnd ?? start + duration, change.Cancelled, change.NewStart is not null, change.Note);
    }

    public static bool IsOccurrence(Activity activity, TimeZoneInfo zone, DateTimeOffset originalStart) =>
        Starts(activity, zone, originalStart, originalStart.AddTicks(1)).Any();

    /// <summary>The end of the last occurrence, or null for a series without end.</summary>
    public static DateTimeOffset? SeriesEnd(Activity activity, TimeZoneInfo zone)
    {
        var duration = activity.EndsAt - activity.StartsAt;
        DateTimeOffset? last = activity.Frequency == RecurrenceFrequency.None
            ? activity.StartsAt
            : activity.Count is null && activity.Until is null
                ? null
                : Starts(activity, zone, activity.StartsAt, DateTimeOffset.MaxValue.AddDays(-1)).Cast<DateTimeOffset?>().LastOrDefault();
        if (last is null)
        {
            return activity.Frequency == RecurrenceFrequency.None ? activity.EndsAt : null;
        }

        var end = last.Value + duration;
        foreach (var moved in activity.DateChanges.Where(e => e.NewEnd is not null))
        {
            end = moved.NewEnd!.Value > end ? moved.NewEnd.Value : end;
        }

        return end;
    }

    private static DateTime? LocalStart(RecurrenceFrequency frequency, DateTime first, int index) => frequency switch
    {
        RecurrenceFrequency.Weekly => first.AddDays(7 * index),
        RecurrenceFrequency.EveryOtherWeek => first.AddDays(14 * index),
        RecurrenceFrequency.MonthlyByWeekday => NthWeekday(first, index),
        _ => index == 0 ? first : null,
    };

    /// <summary>
    /// "Second Tuesday of the month" from the first date; a first date in the month's last seven days
    /// means "last Tuesday", as RRULE's BYDAY=-1TU, so it never skips a month.
    /// </summary>
    internal static DateTime NthWeekday(DateTime first, int monthOffset)
    {
        var month = new DateTime(first.Year, first.Month, 1).AddMonths(monthOffset);
        var daysInFirstMonth = DateTime.DaysInMonth(first.Year, first.Month);
        var isLast = first.Day > daysInFirstMonth - 7;
        DateTime day;
        if (isLast)
        {
            day = new DateTime(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
            while (day.DayOfWeek != first.DayOfWeek)
            {
                day = day.AddDays(-1);
            }
        }
        else
        {
            var ordinal = (first.Day - 1) / 7;
            day = month;
            while (day.DayOfWeek != first.DayOfWeek)
            {
                day = day.AddDays(1);
            }

            day = day.AddDays(7 * ordinal);
        }

        return day + first.TimeOfDay;
    }

    /// <summary>Wall-clock time to UTC. A time skipped by spring-forward moves on by the gap; an ambiguous autumn time takes summer time (the first).</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var summer = offsets.Max();
            return new DateTimeOffset(local, summer).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
