using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Premises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Manage;

/// <summary>
/// /{m}/lokaler/forvaltning/rom/{id?}: a premises manager creates or edits a room (a new one with ?bygg=),
/// its bookable windows, and deletes a room or a window that holds no pending or approved booking.
/// </summary>
public sealed class RoomModel(FrivilligDbContext db, MunicipalClock clock) : FormPageModel
{
    [BindProperty]
    public RoomInput Input { get; set; } = new();

    [BindProperty]
    public WindowInput Window { get; set; } = new();

    public Municipality Municipality => db.Tenant.Required;
    public Frivillig.Model.Premises.Building Building { get; private set; } = null!;
    public Frivillig.Model.Premises.Room? Existing { get; private set; }
    public string? Message { get; private set; }

    public sealed class RoomInput
    {
        [Display(Name = "Navn")]
        [Required(ErrorMessage = "Skriv navnet på rommet.")]
        [StringLength(Frivillig.Model.Premises.Room.NameMaxLength, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Plass til (personer)")]
        [Required(ErrorMessage = "Skriv hvor mange rommet har plass til.")]
        public int? Capacity { get; set; }

        public List<string> Equipment { get; set; } = [];

        [Display(Name = "Regler for rommet")]
        [StringLength(2000, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string? Rules { get; set; }

        public PriceKind PriceKind { get; set; }

        [Display(Name = "Pris per time (kroner)")]
        public decimal? PricePerHourNok { get; set; }

        public int? ParentRoomId { get; set; }

        public bool AutoApprove { get; set; }
    }

    public sealed class WindowInput
    {
        [Display(Name = "Ukedag")]
        public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;

        [Display(Name = "Fra")]
        [Required(ErrorMessage = "Skriv når vinduet begynner.")]
        public TimeOnly? Opens { get; set; }

        [Display(Name = "Til")]
        [Required(ErrorMessage = "Skriv når vinduet slutter.")]
        public TimeOnly? Closes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery(Name = "bygg")] int? buildingId, CancellationToken ct)
    {
        if (!await LoadAsync(id, buildingId, ct))
        {
            return NotFound();
        }

        if (Existing is { } r)
        {
            Input = new()
            {
                Name = r.Name, Capacity = r.Capacity, Equipment = [.. r.EquipmentSlugs], Rules = r.Rules, PriceKind = r.PriceKind(),
                PricePerHourNok = r.PricePerHourNok, ParentRoomId = r.ParentRoomId, AutoApprove = r.AutoApprove,
            };
        }

        Message = Request.Query["lagret"] == "1" ? "Rommet er lagret." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, [FromQuery(Name = "bygg")] int? buildingId, CancellationToken ct)
    {
        KeepErrorsOf("Input.");
        if (!await LoadAsync(id, buildingId, ct))
        {
            return NotFound();
        }

        var room = Existing ?? new Frivillig.Model.Premises.Room { Name = string.Empty, BuildingId = Building.Id };
        var oldParent = room.ParentRoomId;
        // A post without this form's fields binds it with no prefix, its errors gone with the others': ask again.
        if (Input.Capacity is null)
        {
            ModelState.AddModelError("Input.Capacity", "Skriv hvor mange rommet har plass til.");
        }

        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", "Skriv navnet på rommet.");
        }

        if (Input.Equipment.Any(e => e is null || !Frivillig.Model.Premises.Room.EquipmentNames.ContainsKey(e)))
        {
            ModelState.AddModelError("Input.Equipment", "Velg utstyr fra listen.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        room.Name = Input.Name.Trim();
        room.Capacity = Input.Capacity!.Value;
        room.SetEquipment(Input.Equipment);
        room.Rules = string.IsNullOrWhiteSpace(Input.Rules) ? null : Input.Rules.Trim();
        room.AutoApprove = Input.AutoApprove;
        room.ParentRoomId = Input.ParentRoomId;
        var problems = room.SetPrice(Input.PriceKind, Input.PricePerHourNok).Concat(room.Problems(Building.Rooms)).ToList();
        // The units a booking holds follow the parts: a room that holds times keeps its place among the rooms.
        if (Existing is not null && oldParent != room.ParentRoomId && await HoldsTimesAsync(room.Id, oldParent, ct))
        {
            problems.Add(new(nameof(Input.ParentRoomId), "Rommet, eller rommet det er en del av, har bookinger som venter eller er godkjent. Avbestill dem før du endrer hvilket rom det er en del av."));
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError("Input." + problem.Field, problem.Message);
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return Page();
        }

        if (Existing is null)
        {
            db.Rooms.Add(room);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/{Municipality.Slug}/lokaler/forvaltning/rom/{room.Id}?lagret=1");
    }

    public async Task<IActionResult> OnPostAddWindowAsync(int? id, CancellationToken ct)
    {
        KeepErrorsOf("Window.");
        if (id is null || !await LoadAsync(id, null, ct))
        {
            return NotFound();
        }

        if (!Enum.IsDefined(Window.Weekday))
        {
            ModelState.AddModelError("Window.Weekday", "Velg en ukedag.");
        }

        if (Window.Opens is null)
        {
            ModelState.AddModelError("Window.Opens", "Skriv når vinduet begynner.");
        }

        if (Window.Closes is null)
        {
            ModelState.AddModelError("Window.Closes", "Skriv når vinduet slutter.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var window = new BookableWindow { RoomId = Existing!.Id, Weekday = Window.Weekday, Opens = Window.Opens!.Value, Closes = Window.Closes!.Value };
        foreach (var problem in window.Problems(Existing.Windows))
        {
            ModelState.AddModelError("Window." + problem.Field, problem.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Existing.Windows.Add(window);
        await db.SaveChangesAsync(ct);
        Message = $"Rommet kan nå bookes {PremisesLabels.Weekday(window.Weekday)} {PremisesLabels.Span(window.Opens, window.Closes)}.";
        Window = new();
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteWindowAsync(int? id, int windowId, CancellationToken ct)
    {
        KeepErrorsOf("windowId");
        if (id is null || !await LoadAsync(id, null, ct) || Existing!.Windows.FirstOrDefault(w => w.Id == windowId) is not { } window)
        {
            return NotFound();
        }

        var held = (await ComingDatesAsync(Existing.Id, ct)).Where(d => Inside(window, d.StartsAt)).ToList();
        if (held.Count > 0)
        {
            ModelState.AddModelError("windowId", $"Vinduet {PremisesLabels.Weekday(window.Weekday)} {PremisesLabels.Span(window.Opens, window.Closes)} har {held.Count} kommende datoer som venter eller er godkjent, den første {clock.Text(held[0].StartsAt, "d. MMMM yyyy 'kl.' HH:mm")}. Avbestill dem først.");
            return Page();
        }

        if (!Confirmed)
        {
            return AskToConfirm($"Slette vinduet {PremisesLabels.Weekday(window.Weekday)} {PremisesLabels.Span(window.Opens, window.Closes)}?", "Rommet kan ikke lenger bookes da.", "Slett vinduet", Request.Path);
        }

        Existing.Windows.Remove(window);
        db.Remove(window);
        await db.SaveChangesAsync(ct);
        Message = "Vinduet er slettet.";
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        KeepErrorsOf();
        if (id is null || !await LoadAsync(id, null, ct))
        {
            return NotFound();
        }

        var room = Existing!;
        var holding = await db.Bookings.Where(b => b.RoomId == room.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved || b.Status == BookingStatus.Applied))
            .OrderBy(b => b.Id).Select(b => b.Id).FirstOrDefaultAsync(ct);
        if (holding != 0 || await db.OccupiedSlots.AnyAsync(s => s.UnitRoomId == room.Id, ct))
        {
            ModelState.AddModelError("delete", holding != 0
                ? $"Rommet har bookinger eller søknader som venter eller er godkjent (booking {holding}). Avvis eller avbestill dem før du sletter rommet."
                : "Et større rom som dette er en del av, har bookinger som venter eller er godkjent. Avbestill dem før du sletter rommet.");
            return Page();
        }

        if (Building.Rooms.Any(r => r.ParentRoomId == room.Id))
        {
            ModelState.AddModelError("delete", "Rommet har deler. Slett delene, eller gjør dem til egne rom, først.");
            return Page();
        }

        if (!Confirmed)
        {
            return AskToConfirm($"Slette {room.Name}?", "Rommet, vinduene og tidligere avviste og avbestilte bookinger av det slettes.", "Slett rommet", Request.Path);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Bookings.Where(b => b.RoomId == room.Id).ExecuteDeleteAsync(ct);
        await db.Closures.Where(c => c.RoomId == room.Id).ExecuteDeleteAsync(ct);
        db.Rooms.Remove(room);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/{Municipality.Slug}/lokaler/forvaltning/bygg/{Building.Id}?lagret=1");
    }

    public string Price(PriceKind kind) => kind switch
    {
        PriceKind.Free => "Gratis",
        PriceKind.PerHour => "Kroner per time",
        _ => "Kroner per time, gratis for godkjente frivillige organisasjoner",
    };

    /// <summary>
    /// The page carries three forms and binds them all; a handler keeps only its own form's errors. (A form
    /// that was not posted binds with no prefix, so its errors come under bare names.)
    /// </summary>
    private void KeepErrorsOf(params string[] prefixes)
    {
        foreach (var key in ModelState.Keys.Where(k => !prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private bool Inside(BookableWindow window, DateTimeOffset start)
    {
        var local = clock.Local(start);
        return local.DayOfWeek == window.Weekday && TimeOnly.FromDateTime(local) >= window.Opens && TimeOnly.FromDateTime(local) < window.Closes;
    }

    private Task<List<BookingDate>> ComingDatesAsync(int roomId, CancellationToken ct)
    {
        var now = clock.Now;
        return db.BookingDates.AsNoTracking().Where(d => d.RoomId == roomId && !d.Cancelled && d.EndsAt > now
                && db.Bookings.Any(b => b.Id == d.BookingId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)))
            .OrderBy(d => d.StartsAt).ToListAsync(ct);
    }

    private Task<bool> HoldsTimesAsync(int roomId, int? parentId, CancellationToken ct) =>
        db.OccupiedSlots.AnyAsync(s => s.UnitRoomId == roomId || (parentId != null && s.UnitRoomId == parentId), ct);

    /// <summary>False when the room or building is not this municipality's (the filter hides others), or neither is given.</summary>
    private async Task<bool> LoadAsync(int? id, int? buildingId, CancellationToken ct)
    {
        if (id is not null)
        {
            Existing = await db.Rooms.Include(r => r.Windows).SingleOrDefaultAsync(r => r.Id == id, ct);
            buildingId = Existing?.BuildingId;
        }

        if (buildingId is null)
        {
            return false;
        }

        var building = await db.Buildings.Include(b => b.Rooms).SingleOrDefaultAsync(b => b.Id == buildingId, ct);
        if (building is null)
        {
            return false;
        }

        Building = building;
        return true;
    }
}
