using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Premises;
using Frivillig.Web.Features.Premises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Premises;

/// <summary>The demo premises the tests lean on, and a request sent the way the booking page sends it.</summary>
public static class PremisesScene
{
    public const string Gym = "Gymsal (hel)";
    public const string HalfA = "Gymsal, halvdel A";
    public const string HalfB = "Gymsal, halvdel B";
    public const string MusicRoom = "Musikkrom";
    public const string Kitchen = "Skolekjøkken";
    public const string Storsalen = "Storsalen";

    public static Task<Room> RoomAsync(this FrivilligApp app, string name, string municipality = Demo.Tromso) =>
        app.DbAsync(db => db.Rooms.Include(r => r.Building).SingleAsync(r => r.Name == name && db.Municipalities.Any(m => m.Id == r.MunicipalityId && m.Slug == municipality)));

    public static Task<string> UserIdAsync(this FrivilligApp app, string email) =>
        app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Sends a request through <see cref="RoomBooking"/> in its own scope, as one HTTP request would, in Tromsø.</summary>
    public static async Task<BookingOutcome> RequestAsync(this FrivilligApp app, BookingRequest request, string municipality = Demo.Tromso, bool send = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        Municipality m;
        using (db.Tenant.EnterSystemScope())
        {
            m = await db.Municipalities.AsNoTracking().SingleAsync(x => x.Slug == municipality);
        }

        db.Tenant.Set(m);
        var booking = scope.ServiceProvider.GetRequiredService<RoomBooking>();
        return send ? await booking.SendAsync(request, CancellationToken.None) : await booking.PlanAsync(request, CancellationToken.None);
    }

    public static BookingRequest Request(int roomId, int organisationId, string userId, DateOnly date, TimeOnly start, TimeOnly end, DateOnly? last = null,
        IReadOnlyCollection<DateOnly>? skip = null, string purpose = "Trening", int? seasonId = null, int? activityId = null, bool rulesAccepted = true) =>
        new(roomId, organisationId, activityId, seasonId, userId, "Kåre Koordinator", "kare@eksempel.no", purpose, rulesAccepted, date, last, start, end, skip ?? []);
}
