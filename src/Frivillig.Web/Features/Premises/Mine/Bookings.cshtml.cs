using Frivillig.Model.Premises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Mine;

/// <summary>/{m}/organisasjoner/{orgId}/lokaler: the organisation's own bookings, with cancelling one date or the rest of a series.</summary>
public sealed class BookingsModel(FrivilligDbContext db, RoomBooking booking, MunicipalClock clock) : FormPageModel
{
    public Municipality Municipality => db.Tenant.Required;
    public Frivillig.Model.Organisations.Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<Frivillig.Model.Premises.Booking> Bookings { get; private set; } = [];
    public MunicipalClock Clock => clock;
    public RoomBooking Booking => booking;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int orgId, [FromQuery(Name = "sendt")] int? sendt, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, ct))
        {
            return NotFound();
        }

        if (sendt is { } id && Bookings.FirstOrDefault(b => b.Id == id) is { } sent)
        {
            Message = sent.Status switch
            {
                BookingStatus.Approved => $"Booking {sent.Id} er godkjent. Kontaktpersonen får adgangsinstruksjonene på e-post før hver gang.",
                BookingStatus.Applied => $"Søknaden om fast tid (booking {sent.Id}) er sendt. Dere får svar når kommunen har fordelt tidene.",
                _ => $"Forespørsel {sent.Id} er sendt. Dere får e-post når den er behandlet.",
            };
        }

        return Page();
    }

    /// <summary>Cancels one date (dateId) or every coming date of a booking; asks first.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int orgId, int bookingId, int? dateId, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, ct))
        {
            return NotFound();
        }

        var target = await db.Bookings.Include(b => b.Dates).ThenInclude(d => d.Slots).Include(b => b.Room).ThenInclude(r => r!.Building)
            .SingleOrDefaultAsync(b => b.Id == bookingId && b.OrganisationId == orgId, ct);
        if (target is null || (dateId is { } d && !target.ActiveDates.Any(x => x.Id == d && x.StartsAt > clock.Now)))
        {
            return NotFound();
        }

        if (!Confirmed)
        {
            var what = dateId is { } one
                ? clock.Text(target.Dates.Single(x => x.Id == one).StartsAt, "dddd d. MMMM yyyy 'kl.' HH:mm")
                : $"alle kommende datoer ({target.ActiveDates.Count(x => x.StartsAt > clock.Now)})";
            return AskToConfirm($"Avbestille {target.Room!.Name} {what}?", "Tiden blir ledig for andre med en gang, og kontaktpersonen og lokalforvalterne får beskjed.",
                "Ja, avbestill", $"/{Municipality.Slug}/organisasjoner/{orgId}/lokaler");
        }

        var cancelled = await booking.CancelAsync(target, dateId, ct);
        Message = cancelled.Count == 1 ? "Datoen er avbestilt, og tiden er ledig for andre." : $"{cancelled.Count} datoer er avbestilt, og tiden er ledig for andre.";
        await LoadAsync(orgId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int orgId, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (organisation is null)
        {
            return false;
        }

        Organisation = organisation;
        Bookings = await db.Bookings.AsNoTracking().Include(b => b.Dates).Include(b => b.Room).ThenInclude(r => r!.Building)
            .Where(b => b.OrganisationId == orgId).OrderByDescending(b => b.Id).AsSplitQuery().ToListAsync(ct);
        return true;
    }
}
