using Frivillig.Model.Premises;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Manage;

/// <summary>
/// /{m}/lokaler/forvaltning/sesong/{id}: the allocation round. Every application for fixed time, room by
/// room side by side with what it clashes with (other applications, times already held); allocating
/// one makes it an approved series at once.
/// </summary>
public sealed class SeasonModel(FrivilligDbContext db, CurrentUser me, RoomBooking booking, PremisesQuery premises, MunicipalClock clock) : FormPageModel
{
    public Municipality Municipality => db.Tenant.Required;
    public Season Season { get; private set; } = default!;
    public IReadOnlyList<(Room Room, IReadOnlyList<Application> Applications)> ByRoom { get; private set; } = [];
    public RoomBooking Booking => booking;
    public MunicipalClock Clock => clock;
    public string? Message { get; private set; }

    public sealed record Application(Frivillig.Model.Premises.Booking Booking, IReadOnlyList<int> ClashingApplications, IReadOnlyList<Clash> HeldClashes);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAllocateAsync(int id, int bookingId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var application = await db.Bookings.Include(b => b.Dates).ThenInclude(d => d.Slots).Include(b => b.Room).ThenInclude(r => r!.Building)
            .SingleOrDefaultAsync(b => b.Id == bookingId && b.SeasonId == id, ct);
        if (application is null)
        {
            ModelState.AddModelError(string.Empty, "Det er ingen søknad med dette nummeret i sesongen.");
            return Page();
        }

        if (application.Status != BookingStatus.Applied)
        {
            ModelState.AddModelError(string.Empty, "Søknaden er allerede behandlet.");
            return Page();
        }

        // A closure made after the application was sent: allocating would book closed days and mail their access instructions.
        var active = application.ActiveDates.ToList();
        var closed = active.Count == 0 ? [] : await premises.ClosedAsync([application.Room!], active.Min(d => d.StartsAt), active.Max(d => d.EndsAt), ct);
        var inClosure = active.Count(d => closed.Any(c => c.Start < d.EndsAt && c.End > d.StartsAt));
        if (inClosure > 0)
        {
            ModelState.AddModelError(string.Empty, $"Booking {bookingId} kan ikke tildeles: {inClosure} av datoene er i en stengt periode. Be organisasjonen søke uten dem, eller avslå søknaden.");
            await LoadAsync(id, ct);
            return Page();
        }

        var clashes = await booking.AllocateAsync(application, me.RequiredId, ct);
        if (clashes.Count > 0)
        {
            ModelState.AddModelError(string.Empty, $"Booking {bookingId} kan ikke tildeles: {booking.ClashText(clashes)}");
        }
        else
        {
            Message = $"Booking {bookingId} er tildelt og godkjent; organisasjonen har fått beskjed.";
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var season = await db.Seasons.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (season is null)
        {
            return false;
        }

        Season = season;
        var applications = await db.Bookings.AsNoTracking().Include(b => b.Organisation).Include(b => b.Dates).Include(b => b.Room).ThenInclude(r => r!.Building)
            .Where(b => b.SeasonId == id && b.Status == BookingStatus.Applied).OrderBy(b => b.CreatedAt).AsSplitQuery().ToListAsync(ct);
        var result = new List<(Room, IReadOnlyList<Application>)>();
        foreach (var group in applications.GroupBy(a => a.RoomId))
        {
            var room = group.First().Room!;
            var units = await RoomOccupancy.UnitsOfAsync(db, room, ct);
            var rows = new List<Application>();
            foreach (var a in group)
            {
                var dates = a.ActiveDates.Select(d => (d.StartsAt, d.EndsAt)).ToList();
                var held = await RoomOccupancy.ClashesAsync(db, units, dates, a.Id, ct);
                var others = applications.Where(o => o.Id != a.Id && (o.RoomId == a.RoomId || units.Contains(o.RoomId) || o.Room!.Id == room.ParentRoomId)
                    && o.ActiveDates.Any(od => dates.Any(d => d.StartsAt < od.EndsAt && d.EndsAt > od.StartsAt))).Select(o => o.Id).ToList();
                rows.Add(new Application(a, others, held));
            }

            result.Add((room, rows));
        }

        ByRoom = result;
        return true;
    }
}
