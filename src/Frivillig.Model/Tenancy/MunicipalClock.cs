using System.Collections.Concurrent;
using System.Globalization;

namespace Frivillig.Model.Tenancy;

/// <summary>
/// Time as a municipality lives it: its zone, "now" from the app's <see cref="TimeProvider"/>, and the
/// conversions between instants (stored, UTC) and wall-clock times (shown, entered). One per request
/// with a municipality; everything that turns an instant into a local time, or back, goes through it.
/// </summary>
public sealed class MunicipalClock(TimeZoneInfo zone, TimeProvider time)
{
    public static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static MunicipalClock For(Municipality municipality, TimeProvider time) => new(ZoneOf(municipality), time);

    public static TimeZoneInfo ZoneOf(Municipality municipality) => Zones.GetOrAdd(municipality.TimeZoneId, TimeZoneInfo.FindSystemTimeZoneById);

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Local(Now));

    /// <summary>The wall-clock time of an instant here.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>The instant with this zone's offset, as the API shows it (2026-03-31T18:00:00+02:00).</summary>
    public DateTimeOffset WithOffset(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    public DateTimeOffset ToUtc(DateOnly date, TimeOnly timeOfDay) => ToUtc(date.ToDateTime(timeOfDay), zone);

    public DateTimeOffset ToUtc(DateTime local) => ToUtc(local, zone);

    /// <summary>Midnight at the start of a local day.</summary>
    public DateTimeOffset StartOf(DateOnly date) => ToUtc(date, TimeOnly.MinValue);

    /// <summary>An instant as Norwegian text, e.g. "tirsdag 3. mars kl. 18:00" for "dddd d. MMMM 'kl.' HH:mm".</summary>
    public string Text(DateTimeOffset instant, string format) => Local(instant).ToString(format, Norwegian);

    /// <summary>Monday 00:00 of the week containing <paramref name="instant"/>, as UTC, the next Monday, and the Monday's date.</summary>
    public (DateTimeOffset From, DateTimeOffset To, DateOnly Monday) WeekOf(DateTimeOffset instant)
    {
        var local = Local(instant).Date;
        var monday = DateOnly.FromDateTime(local.AddDays(-(((int)local.DayOfWeek + 6) % 7)));
        return (StartOf(monday), StartOf(monday.AddDays(7)), monday);
    }

    /// <summary>
    /// Wall-clock time to UTC. A time skipped by spring-forward moves on by the gap; an ambiguous
    /// autumn time takes summer time (the first of the two).
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var summer = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, summer).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
