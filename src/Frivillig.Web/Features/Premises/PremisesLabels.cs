using System.Globalization;
using Frivillig.Model.Premises;

namespace Frivillig.Web.Features.Premises;

/// <summary>How premises read in Norwegian: kinds, weekdays, prices, free and busy times of a day.</summary>
public static class PremisesLabels
{
    public static string Kind(BuildingKind kind) => kind switch
    {
        BuildingKind.Skole => "Skole",
        BuildingKind.Samfunnshus => "Samfunnshus og bydelshus",
        BuildingKind.Bibliotek => "Bibliotek",
        BuildingKind.Ungdomsklubb => "Ungdomsklubb",
        BuildingKind.Idrettshall => "Idrettshall",
        BuildingKind.Kulturhus => "Kulturhus",
        _ => kind.ToString(),
    };

    public static string Weekday(DayOfWeek day) => MunicipalClock.Norwegian.DateTimeFormat.GetDayName(day);

    public static string Price(Room room) => room.IsFree
        ? "Gratis"
        : string.Create(MunicipalClock.Norwegian, $"{room.PricePerHourNok:0} kr per time") + (room.FreeForNonProfits ? " (gratis for godkjente frivillige og ideelle organisasjoner)" : string.Empty);

    public static string Windows(Room room) => string.Join("; ", room.Windows.OrderBy(w => ((int)w.Weekday + 6) % 7).ThenBy(w => w.Opens)
        .GroupBy(w => (w.Opens, w.Closes)).Select(g => $"{string.Join(", ", g.Select(w => Weekday(w.Weekday)))} {g.Key.Opens:HH\\:mm}–{g.Key.Closes:HH\\:mm}"));

    /// <summary>One day of a room: when it can be booked, what is taken, and what is left.</summary>
    public sealed record DayPlan(DateOnly Date, IReadOnlyList<(TimeOnly From, TimeOnly To)> Open, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End, string Status, string? Title)> Busy,
        IReadOnlyList<(TimeOnly From, TimeOnly To)> Free)
    {
        /// <summary>The reasons of the closures on this day; their times are neither free nor bookable.</summary>
        public IReadOnlyList<string> Closed { get; init; } = [];
    }

    public static IReadOnlyList<DayPlan> Days(Room room, IEnumerable<BusyInterval> busy, IReadOnlyDictionary<int, string> titles, DateOnly first, int days, MunicipalClock clock,
        IEnumerable<ClosedInterval>? closed = null)
    {
        var list = busy.Where(b => b.RoomId == room.Id).ToList();
        var closures = (closed ?? []).Where(c => c.RoomId == room.Id).ToList();
        var result = new List<DayPlan>();
        for (var i = 0; i < days; i++)
        {
            var date = first.AddDays(i);
            var open = room.Windows.Where(w => w.Weekday == date.DayOfWeek).OrderBy(w => w.Opens).Select(w => (w.Opens, w.Closes)).ToList();
            var (dayStart, dayEnd) = (clock.StartOf(date), clock.StartOf(date.AddDays(1)));
            var taken = list.Where(b => b.Start < dayEnd && b.End > dayStart).ToList();
            var closedToday = closures.Where(c => c.Start < dayEnd && c.End > dayStart).ToList();
            var blocked = taken.Select(b => (b.Start, b.End)).Concat(closedToday.Select(c => (c.Start, c.End))).ToList();
            var free = new List<(TimeOnly, TimeOnly)>();
            foreach (var (opens, closes) in open)
            {
                var cursor = opens;
                foreach (var b in blocked.OrderBy(b => b.Start))
                {
                    var s = b.Start <= dayStart ? TimeOnly.MinValue : TimeOnly.FromDateTime(clock.Local(b.Start));
                    var e = b.End >= dayEnd ? TimeOnly.MaxValue : TimeOnly.FromDateTime(clock.Local(b.End));
                    if (s > cursor && cursor < closes)
                    {
                        free.Add((cursor, s < closes ? s : closes));
                    }

                    if (e > cursor)
                    {
                        cursor = e;
                    }
                }

                if (cursor < closes)
                {
                    free.Add((cursor, closes));
                }
            }

            result.Add(new DayPlan(date, open, [.. taken.Select(b => (b.Start, b.End, b.Status, b.ActivityId is { } a ? titles.GetValueOrDefault(a) : null))], free)
            {
                Closed = [.. closedToday.Select(c => c.Reason).Distinct()],
            });
        }

        return result;
    }

    public static string Span(TimeOnly from, TimeOnly to) => string.Create(CultureInfo.InvariantCulture, $"{from:HH\\:mm}–{(to == TimeOnly.MaxValue ? "24:00" : to.ToString("HH\\:mm", CultureInfo.InvariantCulture))}");
}
