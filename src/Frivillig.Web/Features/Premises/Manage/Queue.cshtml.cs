using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Premises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Manage;

/// <summary>/{m}/lokaler/forvaltning: the premises managers' one queue, the seasons' allocation rounds and the rooms' feeds for staff.</summary>
public sealed class QueueModel(FrivilligDbContext db, RoomBooking booking, LinkBuilder links, MunicipalClock clock) : FormPageModel
{
    [BindProperty]
    public ClosureInput Closure { get; set; } = new();

    public IReadOnlyList<Building> Buildings { get; private set; } = [];
    public IReadOnlyList<Frivillig.Model.Premises.Closure> Closures { get; private set; } = [];
    public MunicipalClock Clock => clock;

    /// <summary>A closure of a building, or one room of it, over whole days (first and last day included).</summary>
    public sealed class ClosureInput
    {
        [Display(Name = "Bygg")]
        public int BuildingId { get; set; }

        [Display(Name = "Rom")]
        public int? RoomId { get; set; }

        [Display(Name = "Første dag")]
        [Required(ErrorMessage = "Velg første dag.")]
        public DateOnly? From { get; set; }

        [Display(Name = "Siste dag")]
        [Required(ErrorMessage = "Velg siste dag.")]
        public DateOnly? To { get; set; }

        [Display(Name = "Hvorfor (for eksempel ferie, skolearrangement, vedlikehold)")]
        [Required(ErrorMessage = "Skriv hvorfor bygget er stengt.")]
        [StringLength(300, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup]
        public string Reason { get; set; } = string.Empty;
    }

    /// <summary>Closes a building or a room for some days; bookings already made are not touched, new ones are refused.</summary>
    public async Task<IActionResult> OnPostClosureAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var building = Buildings.FirstOrDefault(b => b.Id == Closure.BuildingId);
        if (building is null)
        {
            ModelState.AddModelError("Closure.BuildingId", "Velg et bygg fra listen.");
        }
        else if (Closure.RoomId is { } roomId && building.Rooms.All(r => r.Id != roomId))
        {
            ModelState.AddModelError("Closure.RoomId", "Velg et rom i bygget, eller hele bygget.");
        }

        var today = clock.Today;
        if (Closure.From is { } from && from < today.AddDays(-1))
        {
            ModelState.AddModelError("Closure.From", "Første dag kan ikke være i fortiden.");
        }
        else if (Closure.From is { } first && Closure.To is { } to && (to < first || to.DayNumber - first.DayNumber > 366 || to > today.AddDays(2 * 366)))
        {
            ModelState.AddModelError("Closure.To", "Siste dag må være fra første dag og høyst ett år etter, og ikke i fortiden.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var closure = new Frivillig.Model.Premises.Closure
        {
            BuildingId = building!.Id, RoomId = Closure.RoomId, StartsAt = clock.StartOf(Closure.From!.Value), EndsAt = clock.StartOf(Closure.To!.Value.AddDays(1)),
            Reason = Closure.Reason.Trim(),
        };
        db.Closures.Add(closure);
        await db.SaveChangesAsync(ct);
        var message = $"{building.Name} er stengt for booking {Closure.From.Value.ToString("d. MMMM", MunicipalClock.Norwegian)}–{Closure.To.Value.ToString("d. MMMM yyyy", MunicipalClock.Norwegian)}.";
        var affected = await AffectedAsync(closure, building, ct);
        if (affected.Count > 0)
        {
            message += $" Obs: {affected.Count} bookinger og forespørsler har datoer i perioden og er ikke endret: {string.Join("; ", affected)}. Avslå dem eller avtal avbestilling med organisasjonene.";
        }

        TempData["Status"] = message;
        return Redirect($"/{Municipality.Slug}/lokaler/forvaltning");
    }

    /// <summary>Pending and approved bookings with a date in the closure, of the closed room, its whole or its parts, or any room when the building is closed.</summary>
    private async Task<List<string>> AffectedAsync(Frivillig.Model.Premises.Closure closure, Building building, CancellationToken ct)
    {
        var rooms = closure.RoomId is { } roomId
            ? await RoomOccupancy.RelatedRoomsAsync(db, building.Rooms.Single(r => r.Id == roomId), ct)
            : [.. building.Rooms.Select(r => r.Id)];
        var bookings = await db.Bookings.AsNoTracking().Include(b => b.Organisation).Include(b => b.Dates)
            .Where(b => rooms.Contains(b.RoomId) && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)
                && b.Dates.Any(d => !d.Cancelled && d.StartsAt < closure.EndsAt && d.EndsAt > closure.StartsAt))
            .OrderBy(b => b.Id).AsSplitQuery().ToListAsync(ct);
        return [.. bookings.Select(b => $"booking {b.Id} ({b.Organisation!.Name}, {(b.Status == BookingStatus.Pending ? "venter på behandling" : "godkjent")}: " +
            string.Join(", ", b.ActiveDates.Where(d => d.StartsAt < closure.EndsAt && d.EndsAt > closure.StartsAt).OrderBy(d => d.StartsAt)
                .Select(d => clock.Text(d.StartsAt, "d. MMMM HH:mm"))) + ")")];
    }

    public Municipality Municipality => db.Tenant.Required;
    public IReadOnlyList<Frivillig.Model.Premises.Booking> Pending { get; private set; } = [];
    public IReadOnlyList<(Season Season, int Applications)> Seasons { get; private set; } = [];
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public IReadOnlyDictionary<string, string> HandlerNames { get; private set; } = new Dictionary<string, string>();
    public RoomBooking Booking => booking;

    public string FeedUrl(Room room) => links.Absolute($"/ical/{Municipality.Slug}/rooms/{room.FeedToken}.ics");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await db.Bookings.AsNoTracking().Include(b => b.Organisation).Include(b => b.Dates).Include(b => b.Room).ThenInclude(r => r!.Building)
            .Where(b => b.Status == BookingStatus.Pending).OrderBy(b => b.CreatedAt).AsSplitQuery().ToListAsync(ct);
        var seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.StartsOn).ToListAsync(ct);
        var counts = await db.Bookings.Where(b => b.SeasonId != null && b.Status == BookingStatus.Applied).GroupBy(b => b.SeasonId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Seasons = [.. seasons.Select(s => (s, counts.GetValueOrDefault(s.Id)))];
        Rooms = await db.Rooms.AsNoTracking().Include(r => r.Building).OrderBy(r => r.Building!.Name).ThenBy(r => r.Id).ToListAsync(ct);
        var handlerIds = Pending.Select(p => p.CaseHandlerUserId).OfType<string>().Distinct().ToList();
        HandlerNames = await db.Users.AsNoTracking().Where(u => handlerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Buildings = await db.Buildings.AsNoTracking().Include(b => b.Rooms).OrderBy(b => b.Name).AsSplitQuery().ToListAsync(ct);
        var now = clock.Now;
        Closures = await db.Closures.AsNoTracking().Where(c => c.EndsAt > now).OrderBy(c => c.StartsAt).ToListAsync(ct);
    }
}
