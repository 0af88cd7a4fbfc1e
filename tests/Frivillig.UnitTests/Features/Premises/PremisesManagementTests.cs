using Frivillig.Model.Premises;

namespace Frivillig.UnitTests.Features.Premises;

/// <summary>The rules a premises manager's edits keep, named by the field they concern.</summary>
public sealed class PremisesManagementTests
{
    private static Room Room(int id, string name, int? parent = null) => new() { Id = id, Name = name, Capacity = 10, ParentRoomId = parent };

    [Fact]
    public void A_room_cannot_become_a_part_of_its_own_part_or_of_itself()
    {
        var whole = Room(1, "Gymsal");
        var half = Room(2, "Halvdel A", parent: 1);
        var quarter = Room(3, "Kvart", parent: 2);
        var rooms = new[] { whole, half, quarter };
        whole.ParentRoomId = 3;
        Assert.Contains(whole.Problems(rooms), p => p.Field == nameof(Model.Premises.Room.ParentRoomId) && p.Message.Contains("egne deler", StringComparison.Ordinal));
        whole.ParentRoomId = 1;
        Assert.Contains(whole.Problems(rooms), p => p.Field == nameof(Model.Premises.Room.ParentRoomId));
        whole.ParentRoomId = 99;
        Assert.Contains(whole.Problems(rooms), p => p.Field == nameof(Model.Premises.Room.ParentRoomId));
        whole.ParentRoomId = null;
        Assert.Empty(whole.Problems(rooms));
        Assert.Empty(quarter.Problems(rooms));
    }

    [Theory]
    [InlineData(PriceKind.Free, null, true, null)]
    [InlineData(PriceKind.PerHour, "150", true, "150")]
    [InlineData(PriceKind.PerHourFreeForNonProfits, "99.5", true, "99.5")]
    [InlineData(PriceKind.PerHour, "0", false, null)]
    [InlineData(PriceKind.PerHour, "-1", false, null)]
    [InlineData(PriceKind.PerHour, "100000.01", false, null)]
    [InlineData(PriceKind.PerHour, "1.005", false, null)]
    [InlineData(PriceKind.PerHour, null, false, null)]
    public void A_price_is_free_or_a_positive_amount_of_kroner_with_at_most_two_decimals(PriceKind kind, string? perHour, bool ok, string? stored)
    {
        var room = Room(1, "Rom");
        var problems = room.SetPrice(kind, perHour is null ? null : decimal.Parse(perHour, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ok, problems.Count == 0);
        if (ok)
        {
            Assert.Equal(stored is null ? null : decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), room.PricePerHourNok);
            Assert.Equal(kind, room.PriceKind());
        }
    }

    [Fact]
    public void Windows_end_after_they_start_and_do_not_overlap_on_one_weekday()
    {
        var existing = new[] { new BookableWindow { Id = 1, Weekday = DayOfWeek.Tuesday, Opens = new(17, 0), Closes = new(22, 0) } };
        Assert.Empty(new BookableWindow { Weekday = DayOfWeek.Tuesday, Opens = new(10, 0), Closes = new(17, 0) }.Problems(existing));
        Assert.Empty(new BookableWindow { Weekday = DayOfWeek.Wednesday, Opens = new(18, 0), Closes = new(19, 0) }.Problems(existing));
        Assert.Contains(new BookableWindow { Weekday = DayOfWeek.Tuesday, Opens = new(21, 0), Closes = new(23, 0) }.Problems(existing), p => p.Field == nameof(BookableWindow.Opens));
        Assert.Contains(new BookableWindow { Weekday = DayOfWeek.Monday, Opens = new(18, 0), Closes = new(18, 0) }.Problems(existing), p => p.Field == nameof(BookableWindow.Closes));
    }

    [Fact]
    public void A_season_lasts_at_most_a_year_and_its_deadline_comes_before_it()
    {
        var today = new DateOnly(2026, 11, 25);
        var season = new Season { Name = "Vår 2027", StartsOn = new(2027, 1, 4), EndsOn = new(2027, 6, 18) };
        Assert.Empty(season.Problems(today, new DateOnly(2026, 12, 15)));
        Assert.Contains(season.Problems(today, new DateOnly(2027, 1, 4)), p => p.Field == nameof(Season.ApplicationDeadline));
        season.EndsOn = new(2028, 6, 18);
        Assert.Contains(season.Problems(today, new DateOnly(2026, 12, 15)), p => p.Field == nameof(Season.EndsOn));
        season.StartsOn = new(9999, 1, 1);
        season.EndsOn = new(9999, 6, 1);
        Assert.Contains(season.Problems(today, new DateOnly(2026, 12, 15)), p => p.Field == nameof(Season.StartsOn));
    }

    [Theory]
    [InlineData(69.65, 18.96, null)]
    [InlineData(1e308, 18.96, "Latitude")]
    [InlineData(double.NaN, 18.96, "Latitude")]
    [InlineData(69.65, -200, "Longitude")]
    public void A_building_lies_in_Norway_or_has_no_coordinates(double lat, double lon, string? field)
    {
        var b = new Building { Name = "Skole", StreetAddress = "Vei 1", PostalCode = "9020", Latitude = lat, Longitude = lon };
        var problems = b.Problems().ToList();
        Assert.Equal(field, problems.SingleOrDefault()?.Field);
    }
}
