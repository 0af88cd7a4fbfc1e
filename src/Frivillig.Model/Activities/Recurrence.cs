namespace Frivillig.Model.Activities;

public enum RecurrenceFrequency
{
    None,
    Weekly,
    EveryOtherWeek,
    MonthlyByWeekday,
}

/// <summary>
/// How a series repeats: the small value an activity, a premises booking series or a volunteer shift
/// carries. <see cref="Until"/> is the last local date a series may fall on (inclusive).
/// </summary>
public sealed record RecurrenceRule(RecurrenceFrequency Frequency, DateOnly? Until = null, int? Count = null)
{
    public static readonly RecurrenceRule Once = new(RecurrenceFrequency.None);

    public bool Repeats => Frequency != RecurrenceFrequency.None;

    /// <summary>True when the series has a last date, by date or by count.</summary>
    public bool Ends => !Repeats || Until is not null || Count is not null;
}

/// <summary>The first date of a series as instants, and how it repeats.</summary>
public readonly record struct Series(DateTimeOffset Start, DateTimeOffset End, RecurrenceRule Rule)
{
    public TimeSpan Duration => End - Start;
}

/// <summary>One date of a series cancelled or moved, known by its original start (iCalendar's RECURRENCE-ID).</summary>
public readonly record struct DateOverride(DateTimeOffset OriginalStart, bool Cancelled, DateTimeOffset? NewStart, DateTimeOffset? NewEnd, string? Note);

/// <summary>One date of a series, as people see it.</summary>
public sealed record Occurrence(DateTimeOffset OriginalStart, DateTimeOffset Start, DateTimeOffset End, bool Cancelled, bool Moved, string? Note);

/// <summary>
/// Expands a series into dates, in the municipality's local time: the wall-clock time of the first
/// date is kept on every date and converted to UTC per date, so DST moves the instant, not the clock.
/// A series without end is expanded only inside the window asked for.
/// </summary>
public static class Recurrence
{
    /// <summary>A guard for absurd windows; the API refuses windows over a year anyway.</summary>
    public const int MaxOccurrences = 2000;

    public static IEnumerable<Occurrence> Expand(Series series, IEnumerable<DateOverride> overrides, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var changes = overrides.ToDictionary(e => e.OriginalStart.UtcTicks);
        var results = new List<Occurrence>();

        foreach (var start in Starts(series, zone, from - series.Duration, to))
        {
            if (changes.Remove(start.UtcTicks, out var change))
            {
                var s = change.NewStart ?? start;
                var e = change.NewEnd ?? s + series.Duration;
                if (s < to && e > from)
                {
                    results.Add(new Occurrence(start, s, e, change.Cancelled, change.NewStart is not null, change.Note));
                }

                continue;
            }

            var end = start + series.Duration;
            if (end > from)
            {
                results.Add(new Occurrence(start, start, end, false, false, null));
            }
        }

        // A date moved into the window from outside it.
        foreach (var change in changes.Values)
        {
            if (change.NewStart is { } s && s < to && (change.NewEnd ?? s + series.Duration) > from && IsOccurrence(series, zone, change.OriginalStart))
            {
                results.Add(new Occurrence(change.OriginalStart, s, change.NewEnd ?? s + series.Duration, change.Cancelled, true, change.Note));
            }
        }

        return results.OrderBy(o => o.Start);
    }

    /// <summary>The original starts of the series that begin in [from, to), as UTC instants.</summary>
    public static IEnumerable<DateTimeOffset> Starts(Series series, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var rule = series.Rule;
        var firstLocal = TimeZoneInfo.ConvertTime(series.Start, zone).DateTime;
        if (!rule.Repeats)
        {
            if (series.Start >= from && series.Start < to)
            {
                yield return series.Start.ToUniversalTime();
            }

            yield break;
        }

        // Jump close to the window instead of walking a long series from its first date.
        var fromLocal = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var index = 0;
        if (rule.Count is null && fromLocal > firstLocal)
        {
            index = rule.Frequency switch
            {
                RecurrenceFrequency.Weekly => Math.Max(0, (int)((fromLocal - firstLocal).TotalDays / 7) - 1),
                RecurrenceFrequency.EveryOtherWeek => Math.Max(0, (int)((fromLocal - firstLocal).TotalDays / 14) - 1),
                _ => Math.Max(0, ((fromLocal.Year - firstLocal.Year) * 12) + fromLocal.Month - firstLocal.Month - 1),
            };
        }

        for (var produced = 0; produced < MaxOccurrences; index++)
        {
            if (rule.Count is { } count && index >= count)
            {
                yield break;
            }

            // Near the end of the calendar the series simply ends, rather than overflow DateTime.
            if (DateTime.MaxValue - firstLocal < TimeSpan.FromDays((index + 1) * 31.0))
            {
                yield break;
            }

            var local = LocalStart(rule.Frequency, firstLocal, index);
            if (rule.Until is { } until && DateOnly.FromDateTime(local) > until)
            {
                yield break;
            }

            var utc = MunicipalClock.ToUtc(local, zone);
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
    public static Occurrence? Find(Series series, IEnumerable<DateOverride> overrides, TimeZoneInfo zone, DateTimeOffset originalStart)
    {
        if (!IsOccurrence(series, zone, originalStart))
        {
            return null;
        }

        var change = overrides.Cast<DateOverride?>().FirstOrDefault(c => c!.Value.OriginalStart == originalStart);
        if (change is not { } c)
        {
            return new Occurrence(originalStart, originalStart, originalStart + series.Duration, false, false, null);
        }

        var start = c.NewStart ?? originalStart;
        return new Occurrence(originalStart, start, c.NewEnd ?? start + series.Duration, c.Cancelled, c.NewStart is not null, c.Note);
    }

    public static bool IsOccurrence(Series series, TimeZoneInfo zone, DateTimeOffset originalStart) =>
        Starts(series, zone, originalStart, originalStart.AddTicks(1)).Any();

    /// <summary>The end of the last date, moved dates included, or null for a series without end.</summary>
    public static DateTimeOffset? SeriesEnd(Series series, IEnumerable<DateOverride> overrides, TimeZoneInfo zone)
    {
        if (!series.Rule.Ends)
        {
            return null;
        }

        var last = series.Rule.Repeats ? Starts(series, zone, series.Start, DateTimeOffset.MaxValue.AddDays(-1)).Cast<DateTimeOffset?>().LastOrDefault() : series.Start;
        var end = (last ?? series.Start) + series.Duration;
        foreach (var moved in overrides.Where(e => e.NewEnd is not null))
        {
            end = moved.NewEnd!.Value > end ? moved.NewEnd.Value : end;
        }

        return end;
    }

    private static DateTime LocalStart(RecurrenceFrequency frequency, DateTime first, int index) => frequency switch
    {
        RecurrenceFrequency.Weekly => first.AddDays(7 * index),
        RecurrenceFrequency.EveryOtherWeek => first.AddDays(14 * index),
        RecurrenceFrequency.MonthlyByWeekday => NthWeekday(first, index),
        _ => first,
    };

    /// <summary>
    /// "Second Tuesday of the month" from the first date; a first date in the month's last seven days
    /// means "last Tuesday", as RRULE's BYDAY=-1TU, so it never skips a month.
    /// </summary>
    internal static DateTime NthWeekday(DateTime first, int monthOffset)
    {
        var month = new DateTime(first.Year, first.Month, 1).AddMonths(monthOffset);
        var daysInFirstMonth = DateTime.DaysInMonth(first.Year, first.Month);
        DateTime day;
        if (first.Day > daysInFirstMonth - 7)
        {
            day = new DateTime(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
            while (day.DayOfWeek != first.DayOfWeek)
            {
                day = day.AddDays(-1);
            }
        }
        else
        {
            day = month;
            while (day.DayOfWeek != first.DayOfWeek)
            {
                day = day.AddDays(1);
            }

            day = day.AddDays(7 * ((first.Day - 1) / 7));
        }

        return day + first.TimeOfDay;
    }
}
