using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Premises;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Premises;

/// <summary>
/// The guarantee, on both databases: no two pending or approved bookings of one room, or of a room and
/// a part of it, ever overlap, however many requests arrive at once; every refused request is told
/// which booking holds the time.
/// </summary>
public sealed class DoubleBookingTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private const int Requests = 200;

    private async Task<(int OrgId, string UserId)> CoordinatorAsync() => (await app.OrganisationIdAsync(Demo.RodeKors), await app.UserIdAsync(Demo.Coordinator));

    [Fact]
    public async Task Two_hundred_overlapping_requests_for_one_room_leave_exactly_one_accepted_and_the_rest_told_the_clash()
    {
        var room = await app.RoomAsync(PremisesScene.MusicRoom);
        var (org, user) = await CoordinatorAsync();
        var date = new DateOnly(2026, 12, 2); // a Wednesday, inside the room's window 17–21

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(() => app.RequestAsync(
            PremisesScene.Request(room.Id, org, user, date, new TimeOnly(17, i % 30), new TimeOnly(19, 30 + (i % 30)))))));

        var accepted = outcomes.Where(o => o.Booking is not null).ToList();
        var winner = Assert.Single(accepted).Booking!.Id;
        Assert.All(outcomes.Where(o => o.Booking is null), o =>
        {
            Assert.Equal(winner, Assert.Single(o.Clashes).BookingId);
            Assert.Contains($"booking {winner}", o.Errors["Input.FirstDate"], StringComparison.Ordinal);
        });
        Assert.Equal(1, await app.DbAsync(db => db.Bookings.CountAsync(b => b.RoomId == room.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved))));
    }

    [Fact]
    public async Task Two_hundred_requests_for_the_whole_gym_and_its_half_leave_exactly_one_accepted()
    {
        var whole = await app.RoomAsync(PremisesScene.Gym);
        var half = await app.RoomAsync(PremisesScene.HalfA);
        var (org, user) = await CoordinatorAsync();
        var date = new DateOnly(2026, 11, 30); // a Monday, weekdays 17–22

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(() => app.RequestAsync(
            PremisesScene.Request(i % 2 == 0 ? whole.Id : half.Id, org, user, date, new TimeOnly(18, 0), new TimeOnly(20, 0))))));

        var winner = Assert.Single(outcomes, o => o.Booking is not null).Booking!.Id;
        Assert.All(outcomes.Where(o => o.Booking is null), o => Assert.Equal(winner, Assert.Single(o.Clashes).BookingId));
        await AssertNoUnitHeldTwiceAsync();
    }

    [Fact]
    public async Task Both_halves_can_be_booked_at_once_but_then_the_whole_is_taken()
    {
        var whole = await app.RoomAsync(PremisesScene.Gym);
        var a = await app.RoomAsync(PremisesScene.HalfA);
        var b = await app.RoomAsync(PremisesScene.HalfB);
        var (org, user) = await CoordinatorAsync();
        var date = new DateOnly(2026, 12, 1); // a Tuesday

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(() => app.RequestAsync(
            PremisesScene.Request((i % 3) switch { 0 => whole.Id, 1 => a.Id, _ => b.Id }, org, user, date, new TimeOnly(19, 0), new TimeOnly(21, 0))))));

        var rooms = outcomes.Where(o => o.Booking is not null).Select(o => o.Booking!.RoomId).Order().ToList();
        Assert.True(rooms.SequenceEqual([whole.Id]) || rooms.All(r => r != whole.Id) && rooms.Distinct().Count() == rooms.Count, $"Accepted rooms: {string.Join(",", rooms)}");
        Assert.All(outcomes.Where(o => o.Booking is null), o => Assert.NotEmpty(o.Clashes));
        await AssertNoUnitHeldTwiceAsync();
    }

    [Fact]
    public async Task A_time_freed_by_cancelling_is_bookable_at_once()
    {
        var room = await app.RoomAsync(PremisesScene.Kitchen);
        var (org, user) = await CoordinatorAsync();
        var date = new DateOnly(2026, 12, 3);
        var first = await app.RequestAsync(PremisesScene.Request(room.Id, org, user, date, new TimeOnly(17, 0), new TimeOnly(19, 0)));
        Assert.NotNull(first.Booking);
        Assert.Null((await app.RequestAsync(PremisesScene.Request(room.Id, org, user, date, new TimeOnly(18, 0), new TimeOnly(20, 0)))).Booking);

        await app.DbAsync(async db =>
        {
            var booking = await db.Bookings.Include(b => b.Dates).ThenInclude(d => d.Slots).SingleAsync(b => b.Id == first.Booking!.Id);
            booking.CancelFrom(null, FrivilligApp.Now);
            return await db.SaveChangesAsync();
        });

        Assert.NotNull((await app.RequestAsync(PremisesScene.Request(room.Id, org, user, date, new TimeOnly(18, 0), new TimeOnly(20, 0)))).Booking);
    }

    private async Task AssertNoUnitHeldTwiceAsync()
    {
        var slots = await app.DbAsync(db => db.OccupiedSlots.AsNoTracking().ToListAsync());
        foreach (var unit in slots.GroupBy(s => s.UnitRoomId))
        {
            var ordered = unit.OrderBy(s => s.StartsAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].StartsAt >= ordered[i - 1].EndsAt, $"Unit {unit.Key} held twice at {ordered[i].StartsAt:O}");
            }
        }
    }
}
