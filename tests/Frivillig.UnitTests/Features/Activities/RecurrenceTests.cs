namespace Frivillig.UnitTests.Features.Activities;

public sealed class RecurrenceTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>The rule value alone: the same expansion serves activities, booking series and shifts.</summary>
    private static Series Series(DateTime firstLocal, RecurrenceFrequency frequency, int minutes = 120, int? count = null, DateOnly? until = null) =>
        new(MunicipalClock.ToUtc(firstLocal, Oslo), MunicipalClock.ToUtc(firstLocal.AddMinutes(minutes), Oslo), new RecurrenceRule(frequency, until, count));

    private static DateOverride Cancelled(DateTimeOffset original) => new(original, true, null, null, null);

    private static DateOverride Moved(DateTimeOffset original, DateTimeOffset newStart, DateTimeOffset? newEnd = null, string? note = null) => new(original, false, newStart, newEnd, note);

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Oslo).DateTime;

    [Fact]
    public void Weekly_18_00_stays_18_00_across_the_spring_change()
    {
        // Summer time starts Sunday 29 March 2026 at 02:00.
        var activity = Series(new DateTime(2026, 3, 19, 18, 0, 0), RecurrenceFrequency.Weekly);
        var dates = Recurrence.Expand(activity, [], Oslo, Utc(2026, 3, 16), Utc(2026, 4, 6)).ToList();

        Assert.Equal(3, dates.Count);
        Assert.All(dates, o => Assert.Equal(new TimeSpan(18, 0, 0), Local(o.Start).TimeOfDay));
        Assert.Equal(Utc(2026, 3, 19, 17), dates[0].Start); // UTC+1
        Assert.Equal(Utc(2026, 3, 26, 17), dates[1].Start); // UTC+1, the last week of winter time
        Assert.Equal(Utc(2026, 4, 2, 16), dates[2].Start);  // UTC+2
        Assert.All(dates, o => Assert.Equal(TimeSpan.FromHours(2), o.End - o.Start));
    }

    [Fact]
    public void Weekly_18_00_stays_18_00_across_the_autumn_change()
    {
        // Summer time ends Sunday 25 October 2026 at 03:00.
        var activity = Series(new DateTime(2026, 10, 18, 18, 0, 0), RecurrenceFrequency.Weekly);
        var dates = Recurrence.Expand(activity, [], Oslo, Utc(2026, 10, 12), Utc(2026, 11, 2)).ToList();

        Assert.Equal([Utc(2026, 10, 18, 16), Utc(2026, 10, 25, 17), Utc(2026, 11, 1, 17)], dates.Select(o => o.Start));
        Assert.All(dates, o => Assert.Equal(18, Local(o.Start).Hour));
    }

    [Fact]
    public void A_series_on_the_night_of_the_change_keeps_its_clock_time_where_it_exists()
    {
        // 02:30 does not exist on 29 March; it is moved on by the gap to 03:30, as calendar apps do.
        var activity = Series(new DateTime(2026, 3, 22, 2, 30, 0), RecurrenceFrequency.Weekly, minutes: 30);
        var dates = Recurrence.Expand(activity, [], Oslo, Utc(2026, 3, 20), Utc(2026, 4, 7)).Select(o => Local(o.Start)).ToList();
        Assert.Equal([new DateTime(2026, 3, 22, 2, 30, 0), new DateTime(2026, 3, 29, 3, 30, 0), new DateTime(2026, 4, 5, 2, 30, 0)], dates);
    }

    [Fact]
    public void A_series_reaching_the_end_of_the_calendar_simply_ends()
    {
        var activity = Series(new DateTime(9999, 12, 1, 18, 0, 0), RecurrenceFrequency.Weekly);
        var dates = Recurrence.Starts(activity, Oslo, Utc(9999, 11, 1), DateTimeOffset.MaxValue.AddDays(-1)).ToList();
        Assert.True(dates.Count < 5);
        Assert.Null(Recurrence.SeriesEnd(activity, [], Oslo));
    }

    [Fact]
    public void Ambiguous_autumn_time_takes_summer_time()
    {
        var utc = MunicipalClock.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), Oslo);
        Assert.Equal(Utc(2026, 10, 25, 0, 30), utc);
    }

    [Fact]
    public void Every_other_week_skips_a_week()
    {
        var activity = Series(new DateTime(2026, 1, 8, 18, 0, 0), RecurrenceFrequency.EveryOtherWeek);
        var dates = Recurrence.Expand(activity, [], Oslo, Utc(2026, 1, 1), Utc(2026, 2, 10)).Select(o => Local(o.Start).Date).ToList();
        Assert.Equal([new DateTime(2026, 1, 8), new DateTime(2026, 1, 22), new DateTime(2026, 2, 5)], dates);
    }

    [Fact]
    public void Monthly_by_weekday_keeps_the_second_tuesday()
    {
        var activity = Series(new DateTime(2026, 1, 13, 12, 0, 0), RecurrenceFrequency.MonthlyByWeekday);
        var dates = Recurrence.Expand(activity, [], Oslo, Utc(2026, 1, 1), Utc(2026, 5, 1)).Select(o => Local(o.Start).Date).ToList();
        Assert.Equal([new DateTime(2026, 1, 13), new DateTime(2026, 2, 10), new DateTime(2026, 3, 10), new DateTime(2026, 4, 14)], dates);
    }

    [Fact]
    public void Monthly_from_a_date_in_the_last_week_means_the_last_weekday()
    {
        // Friday 30 January 2026 is the last Friday; February's last Friday is the 27th, May has five Fridays (29th is last).
        var activity = Series(new DateTime(2026, 1, 30, 19, 0, 0), RecurrenceFrequency.MonthlyByWeekday);
        var dates = Recurrence.Expand(activity, [], Oslo, Utc(2026, 1, 1), Utc(2026, 6, 1)).Select(o => Local(o.Start).Date).ToList();
        Assert.Equal([new DateTime(2026, 1, 30), new DateTime(2026, 2, 27), new DateTime(2026, 3, 27), new DateTime(2026, 4, 24), new DateTime(2026, 5, 29)], dates);
    }

    [Fact]
    public void Count_and_until_end_the_series()
    {
        var counted = Series(new DateTime(2026, 2, 2, 10, 0, 0), RecurrenceFrequency.Weekly, count: 3);
        Assert.Equal(3, Recurrence.Expand(counted, [], Oslo, Utc(2026, 1, 1), Utc(2027, 1, 1)).Count());

        var until = Series(new DateTime(2026, 2, 2, 10, 0, 0), RecurrenceFrequency.Weekly, until: new DateOnly(2026, 2, 16));
        Assert.Equal(3, Recurrence.Expand(until, [], Oslo, Utc(2026, 1, 1), Utc(2027, 1, 1)).Count());
        Assert.Equal(MunicipalClock.ToUtc(new DateTime(2026, 2, 16, 12, 0, 0), Oslo), Recurrence.SeriesEnd(until, [], Oslo));
    }

    [Fact]
    public void An_open_series_is_expanded_only_inside_the_window()
    {
        var activity = Series(new DateTime(2020, 1, 6, 18, 0, 0), RecurrenceFrequency.Weekly);
        Assert.Null(Recurrence.SeriesEnd(activity, [], Oslo));
        var week = Recurrence.Expand(activity, [], Oslo, Utc(2031, 3, 3), Utc(2031, 3, 10)).ToList();
        Assert.Single(week);
        Assert.Equal(new DateTime(2031, 3, 3, 18, 0, 0), Local(week[0].Start));
    }

    [Fact]
    public void A_cancelled_date_stays_as_cancelled_and_a_moved_date_moves()
    {
        var activity = Series(new DateTime(2026, 3, 19, 18, 0, 0), RecurrenceFrequency.Weekly);
        var cancelled = MunicipalClock.ToUtc(new DateTime(2026, 3, 26, 18, 0, 0), Oslo);
        var moved = MunicipalClock.ToUtc(new DateTime(2026, 4, 2, 18, 0, 0), Oslo);
        DateOverride[] changes = [Cancelled(cancelled), Moved(moved, MunicipalClock.ToUtc(new DateTime(2026, 4, 3, 19, 0, 0), Oslo), MunicipalClock.ToUtc(new DateTime(2026, 4, 3, 21, 0, 0), Oslo))];

        var dates = Recurrence.Expand(activity, changes, Oslo, Utc(2026, 3, 16), Utc(2026, 4, 6)).ToList();
        Assert.Equal(3, dates.Count);
        Assert.True(dates[1].Cancelled);
        Assert.Equal(cancelled, dates[1].OriginalStart);
        Assert.True(dates[2].Moved);
        Assert.Equal(new DateTime(2026, 4, 3, 19, 0, 0), Local(dates[2].Start));
        Assert.Equal(moved, dates[2].OriginalStart);
    }

    [Fact]
    public void A_date_moved_into_the_window_from_outside_appears()
    {
        var activity = Series(new DateTime(2026, 3, 5, 18, 0, 0), RecurrenceFrequency.Weekly);
        var original = MunicipalClock.ToUtc(new DateTime(2026, 3, 12, 18, 0, 0), Oslo);
        var dates = Recurrence.Expand(activity, [Moved(original, MunicipalClock.ToUtc(new DateTime(2026, 3, 17, 18, 0, 0), Oslo))], Oslo, Utc(2026, 3, 16), Utc(2026, 3, 18)).ToList();
        var only = Assert.Single(dates);
        Assert.True(only.Moved);
        Assert.Equal(original, only.OriginalStart);
    }

    [Fact]
    public void A_single_activity_is_one_date()
    {
        var activity = Series(new DateTime(2026, 6, 1, 12, 0, 0), RecurrenceFrequency.None);
        Assert.Single(Recurrence.Expand(activity, [], Oslo, Utc(2026, 1, 1), Utc(2027, 1, 1)));
        Assert.Empty(Recurrence.Expand(activity, [], Oslo, Utc(2026, 6, 2), Utc(2027, 1, 1)));
        Assert.Equal(activity.End, Recurrence.SeriesEnd(activity, [], Oslo));
    }

    [Fact]
    public void Find_gives_a_date_as_it_is_now_however_far_it_moved()
    {
        var activity = Series(new DateTime(2026, 3, 5, 18, 0, 0), RecurrenceFrequency.Weekly);
        var original = MunicipalClock.ToUtc(new DateTime(2026, 3, 12, 18, 0, 0), Oslo);
        var farAway = MunicipalClock.ToUtc(new DateTime(2026, 5, 1, 12, 0, 0), Oslo);
        DateOverride[] changes = [Moved(original, farAway, note: "Flyttet")];

        var moved = Recurrence.Find(activity, changes, Oslo, original);
        Assert.NotNull(moved);
        Assert.True(moved.Moved);
        Assert.Equal(farAway, moved.Start);
        Assert.Equal(TimeSpan.FromHours(2), moved.End - moved.Start);

        var plain = Recurrence.Find(activity, changes, Oslo, MunicipalClock.ToUtc(new DateTime(2026, 3, 19, 18, 0, 0), Oslo));
        Assert.False(plain!.Moved);
        Assert.Null(Recurrence.Find(activity, changes, Oslo, original.AddHours(1)));
    }
}
