using Microsoft.Extensions.Time.Testing;

namespace Frivillig.UnitTests.Features.Tenancy;

public sealed class MunicipalClockTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0) => new(y, mo, d, h, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Week_of_starts_on_monday_local_midnight()
    {
        var (from, to, monday) = new MunicipalClock(Oslo, TimeProvider.System).WeekOf(Utc(2026, 3, 29, 12));
        Assert.Equal(new DateOnly(2026, 3, 23), monday);
        Assert.Equal(Utc(2026, 3, 22, 23), from);
        Assert.Equal(Utc(2026, 3, 29, 22), to); // the week is an hour short: summer time began
    }

    [Fact]
    public void Today_is_the_local_date_not_the_utc_one()
    {
        // 23:30 UTC on 31 December is already New Year's Day in Oslo.
        var clock = new MunicipalClock(Oslo, new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 1, 1), clock.Today);
        Assert.Equal("fredag 1. januar kl. 00:30", clock.Text(clock.Now, "dddd d. MMMM 'kl.' HH:mm"));
    }

    [Fact]
    public void A_local_time_becomes_the_instant_with_the_offset_of_its_own_day()
    {
        var clock = new MunicipalClock(Oslo, TimeProvider.System);
        Assert.Equal(Utc(2026, 3, 28, 17), clock.ToUtc(new DateOnly(2026, 3, 28), new TimeOnly(18, 0))); // winter time, UTC+1
        Assert.Equal(Utc(2026, 3, 29, 16), clock.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(18, 0))); // summer time, UTC+2
        Assert.Equal(TimeSpan.FromHours(2), clock.WithOffset(Utc(2026, 3, 29, 16)).Offset);
    }
}
