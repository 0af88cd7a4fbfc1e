namespace Frivillig.Model.Premises;

/// <summary>Why a date cannot be booked; the pages and the API say it in words.</summary>
public enum DateProblem
{
    NotPositive,
    TooLong,
    InThePast,
    TooFarAhead,
    OutsideWindow,
    Closed,
}

/// <summary>A date already held by another booking of the room, or of a part or the whole of it.</summary>
public sealed record Clash(int BookingId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The rules a date must keep before it can hold a room, with no I/O: positive and at most a day
/// long, in the future and within a year, inside one of the room's bookable windows on its local
/// weekday, and clear of closures. Weekly series are expanded in local time across daylight saving.
/// </summary>
public static class BookingRules
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    public static DateProblem? Check(DateTimeOffset start, DateTimeOffset end, IEnumerable<BookableWindow> windows, IEnumerable<Closure> closures,
        TimeZoneInfo zone, DateTimeOffset now)
    {
        if (end <= start)
        {
            return DateProblem.NotPositive;
        }

        if (end - start > MaxDuration)
        {
            return DateProblem.TooLong;
        }

        if (start <= now)
        {
            return DateProblem.InThePast;
        }

        if (start > now + MaxAhead)
        {
            return DateProblem.TooFarAhead;
        }

        if (!InsideWindow(start, end, windows, zone))
        {
            return DateProblem.OutsideWindow;
        }

        return closures.Any(c => c.StartsAt < end && c.EndsAt > start) ? DateProblem.Closed : null;
    }

    public static bool InsideWindow(DateTimeOffset start, DateTimeOffset end, IEnumerable<BookableWindow> windows, TimeZoneInfo zone)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var localEnd = TimeZoneInfo.ConvertTime(end, zone).DateTime;
        if (localEnd.Date != localStart.Date && localEnd != localStart.Date.AddDays(1))
        {
            return false;
        }

        var from = TimeOnly.FromDateTime(localStart);
        var to = localEnd.Date > localStart.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(localEnd);
        return windows.Any(w => w.Weekday == localStart.DayOfWeek && w.Opens <= from && (w.Closes >= to || (w.Closes == TimeOnly.MinValue && to == TimeOnly.MaxValue)));
    }

    /// <summary>
    /// One date, or every week from <paramref name="first"/> to <paramref name="last"/> (inclusive), at
    /// the same local times; each converted to UTC on its own date, so DST moves the instant, not the clock.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Dates(DateOnly first, DateOnly? last, TimeOnly start, TimeOnly end, TimeZoneInfo zone)
    {
        var dates = new List<(DateTimeOffset, DateTimeOffset)>();
        var until = last ?? first;
        for (var day = first; day <= until && dates.Count < 60; day = day.AddDays(7))
        {
            var endDay = end <= start ? day.AddDays(1) : day;
            dates.Add((MunicipalClock.ToUtc(day.ToDateTime(start), zone), MunicipalClock.ToUtc(endDay.ToDateTime(end), zone)));
        }

        return dates;
    }

    /// <summary>The units a room occupies: its parts that have no parts of their own, or itself when it has none.</summary>
    public static IReadOnlyList<int> UnitsOf(int roomId, IReadOnlyCollection<(int Id, int? ParentId)> rooms)
    {
        var children = rooms.Where(r => r.ParentId == roomId).Select(r => r.Id).ToList();
        return children.Count == 0 ? [roomId] : [.. children.SelectMany(c => UnitsOf(c, rooms)).Distinct()];
    }

    /// <summary>The clashes of some dates with slots held on the same units.</summary>
    public static IReadOnlyList<Clash> ClashesOf(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> dates, IEnumerable<(int BookingId, DateTimeOffset StartsAt, DateTimeOffset EndsAt)> held) =>
        [.. dates.SelectMany(d => held.Where(h => h.StartsAt < d.End && h.EndsAt > d.Start)).Distinct().OrderBy(h => h.StartsAt).Select(h => new Clash(h.BookingId, h.StartsAt, h.EndsAt))];
}
