using Frivillig.Model.Volunteering;

namespace Frivillig.UnitTests.Features.Volunteering;

/// <summary>Shifts are planned with the activities' recurrence: local time kept across daylight saving.</summary>
public sealed class ShiftPlanTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 10, 0, 0, TimeSpan.Zero);

    private static VolunteerRole Role()
    {
        var role = VolunteerRole.Draft(7, new RoleDetails("Kaffevert", "Kaffe", "moteplass", null, 1, null, ["Lage kaffe"], ["Gi råd om helse"], "K", "k@x.no", "S", ["s@x.no"], "2 t",
            [], false, false, null, [], TimeOfDay.None), Now);
        role.Id = 3;
        role.MunicipalityId = 1;
        return role;
    }

    [Fact]
    public void Weekly_shifts_at_18_00_stay_at_18_00_across_the_autumn_change()
    {
        // Summer time ends Sunday 25 October 2026.
        var start = MunicipalClock.ToUtc(new DateTime(2026, 10, 20, 18, 0, 0), Oslo);
        var shifts = Shift.Plan(Role(), new Series(start, start.AddHours(2), new RecurrenceRule(RecurrenceFrequency.Weekly, Count: 3)), 2, "Kafeen", Oslo, () => "123456", Now);

        Assert.Equal(3, shifts.Count);
        Assert.All(shifts, s => Assert.Equal(new TimeSpan(18, 0, 0), TimeZoneInfo.ConvertTime(s.StartsAt, Oslo).TimeOfDay));
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 16, 0, 0, TimeSpan.Zero), shifts[0].StartsAt); // UTC+2
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 17, 0, 0, TimeSpan.Zero), shifts[1].StartsAt); // UTC+1
        Assert.Single(shifts.Select(s => s.SeriesKey).Distinct());
        Assert.NotNull(shifts[0].SeriesKey);
    }

    [Fact]
    public void A_single_shift_has_no_series_and_bad_places_or_times_are_refused()
    {
        var start = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        var one = Assert.Single(Shift.Plan(Role(), new Series(start, start.AddHours(2), RecurrenceRule.Once), 1, "Kafeen", Oslo, () => "1", Now));
        Assert.Null(one.SeriesKey);
        Assert.Throws<ArgumentOutOfRangeException>(() => Shift.Plan(Role(), new Series(start, start.AddHours(2), RecurrenceRule.Once), 0, "Kafeen", Oslo, () => "1", Now));
        Assert.Throws<ArgumentException>(() => Shift.Plan(Role(), new Series(start, start, RecurrenceRule.Once), 1, "Kafeen", Oslo, () => "1", Now));
    }

    [Fact]
    public void Cannot_come_frees_the_place_and_hours_need_a_check_in()
    {
        var start = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        var shift = Shift.Plan(Role(), new Series(start, start.AddHours(2), RecurrenceRule.Once), 1, "Kafeen", Oslo, () => "1", Now).Single();
        var signUp = ShiftSignUp.Take(shift, "u", room: true, Now);
        Assert.Throws<InvalidOperationException>(() => signUp.ApproveHours(2, "c", Now));
        signUp.CheckIn("c", shift.Duration, start);
        Assert.Equal(2m, signUp.Hours);
        signUp.ApproveHours(1.5m, "c", start.AddHours(3));
        Assert.Equal(1.5m, signUp.Hours);
        signUp.Anonymise();
        Assert.Null(signUp.UserId);
        Assert.Equal(1.5m, signUp.Hours);

        var other = ShiftSignUp.Take(shift, "v", room: true, Now);
        other.Cancel(Now);
        Assert.False(other.HasPlace);
        Assert.Throws<InvalidOperationException>(() => other.CheckIn("c", shift.Duration, start));
    }
}
