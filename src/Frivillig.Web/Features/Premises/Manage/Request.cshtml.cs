using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Premises;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Manage;

/// <summary>/{m}/lokaler/forvaltning/{id}: one request with its organisation, purpose and dates; take it as case handler, approve or reject.</summary>
public sealed class RequestModel(FrivilligDbContext db, CurrentUser me, RoomBooking booking, PremisesQuery premises, MunicipalClock clock) : FormPageModel
{
    public Municipality Municipality => db.Tenant.Required;
    public Frivillig.Model.Premises.Booking Item { get; private set; } = default!;
    public IReadOnlyList<(Frivillig.Model.Premises.Booking Other, BookingDate Date)> Overlapping { get; private set; } = [];

    /// <summary>The request's dates that fall in a closure of the room, its building, or its whole or a part.</summary>
    public IReadOnlyList<(BookingDate Date, string Reason)> Closed { get; private set; } = [];
    public MunicipalClock Clock => clock;
    public RoomBooking Booking => booking;
    public string? CaseHandlerName { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    [Display(Name = "Begrunnelse til organisasjonen")]
    [StringLength(1000, ErrorMessage = "Skriv høyst {1} tegn.")]
    [NoMarkup(AllowLineBreaks = true)]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTakeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, track: true))
        {
            return NotFound();
        }

        if (Item.Status is not (BookingStatus.Pending or BookingStatus.Applied))
        {
            ModelState.AddModelError(string.Empty, "Forespørselen er allerede behandlet, så det er ingen sak å ta.");
            return Page();
        }

        Item.TakeAsCaseHandler(me.RequiredId);
        await db.SaveChangesAsync(ct);
        Message = "Du er saksbehandler for forespørselen.";
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, track: true))
        {
            return NotFound();
        }

        if (Item.Status != BookingStatus.Pending)
        {
            ModelState.AddModelError(string.Empty, "Forespørselen er allerede behandlet.");
            return Page();
        }

        // Approving would mail access instructions for a day the building is closed; the manager rejects, or the organisation cancels those dates first.
        if (Closed.Count > 0)
        {
            ModelState.AddModelError(string.Empty, $"Kan ikke godkjennes: {Closed.Select(c => c.Date.Id).Distinct().Count()} av datoene er i en stengt periode. Be organisasjonen avbestille de datoene, eller avslå forespørselen.");
            return Page();
        }

        await booking.ApproveAsync(Item, me.RequiredId, ct);
        Message = "Forespørselen er godkjent, og organisasjonen har fått beskjed.";
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, track: true))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Skriv hvorfor, så organisasjonen forstår avslaget.");
        }

        if (Item.Status is not (BookingStatus.Pending or BookingStatus.Applied))
        {
            ModelState.AddModelError(string.Empty, "Forespørselen er allerede behandlet.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await booking.RejectAsync(Item, me.RequiredId, Reason!, ct);
        Message = "Forespørselen er avslått, og organisasjonen har fått beskjed med begrunnelsen.";
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct, bool track = false)
    {
        var query = db.Bookings.Include(b => b.Organisation).Include(b => b.Dates).ThenInclude(d => d.Slots).Include(b => b.Room).ThenInclude(r => r!.Building).AsSplitQuery();
        var item = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        CaseHandlerName = item.CaseHandlerUserId is { } h ? await db.Users.Where(u => u.Id == h).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        // Every clash a manager should see: other requests and applications for the same room or its part or whole on the same times.
        var related = await RoomOccupancy.RelatedRoomsAsync(db, item.Room!, ct);
        var dates = item.ActiveDates.ToList();
        if (dates.Count > 0)
        {
            var (from, to) = (dates.Min(d => d.StartsAt), dates.Max(d => d.EndsAt));
            var others = await db.Bookings.AsNoTracking().Include(b => b.Organisation).Include(b => b.Dates)
                .Where(b => b.Id != id && related.Contains(b.RoomId) && (b.Status == BookingStatus.Applied || b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)
                    && b.Dates.Any(d => !d.Cancelled && d.StartsAt < to && d.EndsAt > from))
                .AsSplitQuery().ToListAsync(ct);
            var closed = await premises.ClosedAsync([item.Room!], from, to, ct);
            Closed = [.. dates.SelectMany(d => closed.Where(c => c.Start < d.EndsAt && c.End > d.StartsAt).Select(c => (d, c.Reason))).OrderBy(x => x.d.StartsAt)];
            Overlapping = [.. others.SelectMany(o => o.ActiveDates.Where(od => dates.Any(d => d.StartsAt < od.EndsAt && d.EndsAt > od.StartsAt)).Select(od => (o, od))).OrderBy(x => x.od.StartsAt)];
        }

        return true;
    }
}
