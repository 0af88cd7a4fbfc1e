using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Premises;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Book;

public enum BookingKind
{
    Once,
    Weekly,
    Season,
}

/// <summary>
/// /{m}/lokaler/{id}/bestill: a member of an approved organisation asks for a room, once, weekly or as a
/// fixed time in the season's allocation round. "Sjekk datoene" shows every date with its clash first; a
/// series can then be sent without the clashing dates.
/// </summary>
public sealed class BookModel(FrivilligDbContext db, CurrentUser me, RoomBooking booking, MunicipalClock clock) : FormPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Municipality Municipality => db.Tenant.Required;
    public Building Building { get; private set; } = default!;
    public IReadOnlyList<Organisation> MyOrganisations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, int OrganisationId)> Activities { get; private set; } = [];
    public Season? OpenSeason { get; private set; }
    public IReadOnlyList<PlannedDate> Plan { get; private set; } = [];
    public Room? SelectedRoom => Building.Rooms.FirstOrDefault(r => r.Id == Input.RoomId);
    public RoomBooking Booking => booking;
    public MunicipalClock Clock => clock;

    public sealed class InputModel
    {
        [Display(Name = "Rom")]
        public int RoomId { get; set; }

        [Display(Name = "Organisasjon")]
        public int OrganisationId { get; set; }

        [Display(Name = "Aktivitet")]
        public int? ActivityId { get; set; }

        public BookingKind Kind { get; set; } = BookingKind.Once;

        [Display(Name = "Dato (første dato for en serie)")]
        [Required(ErrorMessage = "Velg en dato.")]
        public DateOnly? FirstDate { get; set; }

        [Display(Name = "Siste dato")]
        public DateOnly? LastDate { get; set; }

        [Display(Name = "Fra klokken")]
        [Required(ErrorMessage = "Skriv når dere begynner.")]
        public TimeOnly? Start { get; set; }

        [Display(Name = "Til klokken")]
        [Required(ErrorMessage = "Skriv når dere er ferdige.")]
        public TimeOnly? End { get; set; }

        [Display(Name = "Hva skal rommet brukes til?")]
        [Required(ErrorMessage = "Skriv kort hva rommet skal brukes til.")]
        [StringLength(Frivillig.Model.Premises.Booking.PurposeMaxLength, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string Purpose { get; set; } = string.Empty;

        [Display(Name = "Kontaktperson")]
        [Required(ErrorMessage = "Skriv navnet på kontaktpersonen.")]
        [StringLength(100, ErrorMessage = "Navnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string ContactName { get; set; } = string.Empty;

        [Display(Name = "E-post til kontaktpersonen")]
        [Required(ErrorMessage = "Skriv e-postadressen til kontaktpersonen.")]
        [Email]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string ContactEmail { get; set; } = string.Empty;

        public bool RulesAccepted { get; set; }

        /// <summary>Dates to leave out of a series (the clashing ones, once seen).</summary>
        public List<DateOnly> Skip { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "rom")] int? rom, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.RoomId = rom is { } r && Building.Rooms.Any(x => x.Id == r) ? r : Building.Rooms[0].Id;
        Input.OrganisationId = MyOrganisations.FirstOrDefault(o => o.CanAct)?.Id ?? (MyOrganisations.Count > 0 ? MyOrganisations[0].Id : 0);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == me.RequiredId, ct);
        Input.ContactName = user.DisplayName;
        Input.ContactEmail = user.Email ?? string.Empty;
        return Page();
    }

    /// <summary>Shows the dates and their clashes; nothing is saved.</summary>
    public Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct) => HandleAsync(id, send: false, ct);

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) => HandleAsync(id, send: true, ct);

    private async Task<IActionResult> HandleAsync(int id, bool send, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Building.Rooms.Any(r => r.Id == Input.RoomId))
        {
            ModelState.AddModelError("Input.RoomId", "Velg et rom i dette bygget.");
        }

        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Velg hvor ofte.");
        }

        if (Input.Kind == BookingKind.Weekly && Input.LastDate is null)
        {
            ModelState.AddModelError("Input.LastDate", "Velg siste dato i serien.");
        }

        if (Input.Kind == BookingKind.Season && OpenSeason is null)
        {
            ModelState.AddModelError("Input.Kind", "Det er ingen sesong åpen for søknader nå.");
        }
        else if (Input.Kind == BookingKind.Season && Input.LastDate is null && Input.FirstDate > OpenSeason!.EndsOn)
        {
            // An empty last date means the season's end, which here is before the first date.
            ModelState.AddModelError("Input.LastDate", "Siste dato mangler. Uten den varer fast tid ut sesongen, og sesongen slutter før første dato.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var last = Input.Kind switch
        {
            BookingKind.Once => (DateOnly?)null,
            BookingKind.Season => Input.LastDate ?? OpenSeason!.EndsOn,
            _ => Input.LastDate,
        };
        var request = new BookingRequest(Input.RoomId, Input.OrganisationId, Input.ActivityId, Input.Kind == BookingKind.Season ? OpenSeason!.Id : null, me.RequiredId,
            Input.ContactName, Input.ContactEmail, Input.Purpose, Input.RulesAccepted, Input.FirstDate!.Value, last, Input.Start!.Value, Input.End!.Value, Input.Skip);
        var outcome = send ? await booking.SendAsync(request, ct) : await booking.PlanAsync(request, ct);
        Plan = outcome.Dates;
        if (!send || outcome.Booking is null)
        {
            foreach (var (key, message) in outcome.Errors)
            {
                // A plain check lists the clashes beside the dates; only the rules that stop it are errors.
                if (send || !(key == "Input.FirstDate" && outcome.Clashes.Count > 0))
                {
                    ModelState.AddModelError(key, message);
                }
            }

            if (!send && Input.Skip.Count == 0)
            {
                // Offer to leave out what clashes; the person sees it ticked and can change it.
                Input.Skip = [.. Plan.Where(p => p.Clashes.Count > 0).Select(p => p.Date)];
                ModelState.Remove("Input.Skip");
            }

            return Page();
        }

        return Redirect($"/{Municipality.Slug}/organisasjoner/{Input.OrganisationId}/lokaler?sendt={outcome.Booking.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var building = await db.Buildings.AsNoTracking().Include(b => b.Rooms).ThenInclude(r => r.Windows).AsSplitQuery().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (building is null || building.Rooms.Count == 0)
        {
            return false;
        }

        Building = building;
        var userId = me.RequiredId;
        MyOrganisations = await db.Organisations.AsNoTracking().Where(o => o.Members.Any(m => m.UserId == userId)).OrderBy(o => o.Name).ToListAsync(ct);
        var orgIds = MyOrganisations.Select(o => o.Id).ToList();
        Activities = (await db.Activities.AsNoTracking().Where(a => orgIds.Contains(a.OrganisationId) && a.Status != ActivityStatus.Cancelled)
            .OrderBy(a => a.Title).Select(a => new { a.Id, a.Title, a.OrganisationId }).ToListAsync(ct)).Select(a => (a.Id, a.Title, a.OrganisationId)).ToList();
        var now = clock.Now;
        OpenSeason = await db.Seasons.AsNoTracking().Where(s => s.ApplicationDeadline > now).OrderBy(s => s.StartsOn).FirstOrDefaultAsync(ct);
        return true;
    }
}
