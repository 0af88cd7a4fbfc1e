using Frivillig.Model.Premises;

namespace Frivillig.UnitTests.Features.Premises;

public sealed class BookingRulesTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    private static readonly BookableWindow[] WeekdayEvenings = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
        .Select(d => new BookableWindow { Weekday = d, Opens = new TimeOnly(17, 0), Closes = new TimeOnly(22, 0) })];

    [Fact]
    public void A_weekly_series_keeps_its_local_time_across_the_spring_change_to_summer_time()
    {
        // Tuesdays 16 March to 6 April 2027; summer time begins Sunday 28 March.
        var dates = BookingRules.Dates(new DateOnly(2027, 3, 16), new DateOnly(2027, 4, 6), new TimeOnly(18, 0), new TimeOnly(20, 0), Oslo);
        Assert.Equal(4, dates.Count);
        Assert.All(dates, d => Assert.Equal(18, TimeZoneInfo.ConvertTime(d.Start, Oslo).Hour));
        Assert.Equal(17, dates[1].Start.UtcDateTime.Hour); // 23 March, winter time
        Assert.Equal(16, dates[2].Start.UtcDateTime.Hour); // 30 March, summer time
    }

    [Fact]
    public void A_weekly_series_keeps_its_local_time_across_the_autumn_change_to_winter_time()
    {
        // Tuesdays 20 October to 3 November 2026; winter time begins Sunday 25 October.
        var dates = BookingRules.Dates(new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 3), new TimeOnly(18, 0), new TimeOnly(20, 0), Oslo);
        Assert.Equal([16, 17, 17], dates.Select(d => d.Start.UtcDateTime.Hour));
        Assert.All(dates, d => Assert.Equal(TimeSpan.FromHours(2), d.End - d.Start));
    }

    [Fact]
    public void A_date_must_be_inside_a_window_on_its_local_weekday()
    {
        var tuesday = MunicipalClock.ToUtc(new DateTime(2026, 12, 1, 18, 0, 0), Oslo);
        Assert.Null(BookingRules.Check(tuesday, tuesday.AddHours(2), WeekdayEvenings, [], Oslo, Now));
        Assert.Equal(DateProblem.OutsideWindow, BookingRules.Check(tuesday.AddHours(-2), tuesday, WeekdayEvenings, [], Oslo, Now));
        Assert.Equal(DateProblem.OutsideWindow, BookingRules.Check(tuesday.AddHours(3), tuesday.AddHours(5), WeekdayEvenings, [], Oslo, Now));
        var saturday = tuesday.AddDays(4);
        Assert.Equal(DateProblem.OutsideWindow, BookingRules.Check(saturday, saturday.AddHours(1), WeekdayEvenings, [], Oslo, Now));
    }

    [Fact]
    public void Past_zero_length_too_long_too_far_and_closed_dates_are_named()
    {
        var tuesday = MunicipalClock.ToUtc(new DateTime(2026, 12, 1, 18, 0, 0), Oslo);
        Assert.Equal(DateProblem.NotPositive, BookingRules.Check(tuesday, tuesday, WeekdayEvenings, [], Oslo, Now));
        Assert.Equal(DateProblem.TooLong, BookingRules.Check(tuesday, tuesday.AddHours(25), WeekdayEvenings, [], Oslo, Now));
        Assert.Equal(DateProblem.InThePast, BookingRules.Check(tuesday.AddDays(-14), tuesday.AddDays(-14).AddHours(1), WeekdayEvenings, [], Oslo, Now));
        Assert.Equal(DateProblem.TooFarAhead, BookingRules.Check(tuesday.AddDays(7 * 60), tuesday.AddDays(7 * 60).AddHours(1), WeekdayEvenings, [], Oslo, Now));
        var closure = new Closure { StartsAt = tuesday.AddHours(-1), EndsAt = tuesday.AddHours(1), Reason = "Foreldremøte" };
        Assert.Equal(DateProblem.Closed, BookingRules.Check(tuesday, tuesday.AddHours(2), WeekdayEvenings, [closure], Oslo, Now));
    }

    [Fact]
    public void The_whole_room_occupies_its_parts_and_a_part_occupies_itself()
    {
        (int, int?)[] rooms = [(1, null), (2, 1), (3, 1), (4, null)];
        Assert.Equal([2, 3], BookingRules.UnitsOf(1, rooms).Order());
        Assert.Equal([2], BookingRules.UnitsOf(2, rooms));
        Assert.Equal([4], BookingRules.UnitsOf(4, rooms));
    }

    [Fact]
    public void Touching_times_do_not_clash_overlapping_ones_do()
    {
        var start = new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);
        var held = new[] { (7, start, start.AddHours(2)) };
        Assert.Empty(BookingRules.ClashesOf([(start.AddHours(2), start.AddHours(3))], held));
        Assert.Equal(7, Assert.Single(BookingRules.ClashesOf([(start.AddHours(1), start.AddHours(3))], held)).BookingId);
    }
}
