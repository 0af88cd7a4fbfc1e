using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Premises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Manage;

/// <summary>/{m}/lokaler/forvaltning/bygg/{id?}: a premises manager creates or edits a building, and finds its rooms.</summary>
public sealed class BuildingModel(FrivilligDbContext db) : FormPageModel
{
    [BindProperty]
    public BuildingInput Input { get; set; } = new();

    public Municipality Municipality => db.Tenant.Required;
    public Frivillig.Model.Premises.Building? Existing { get; private set; }
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public string? Message { get; private set; }

    public sealed class BuildingInput
    {
        [Display(Name = "Navn")]
        [Required(ErrorMessage = "Skriv navnet på bygget.")]
        [StringLength(Frivillig.Model.Premises.Building.NameMaxLength, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Bydel")]
        public int DistrictId { get; set; }

        [Display(Name = "Type bygg")]
        public BuildingKind Kind { get; set; }

        [Display(Name = "Gateadresse")]
        [Required(ErrorMessage = "Skriv gateadressen.")]
        [StringLength(PostalAddress.StreetMaxLength, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup]
        public string StreetAddress { get; set; } = string.Empty;

        [Display(Name = "Postnummer")]
        [StringLength(4, ErrorMessage = "Postnummeret har fire sifre.")]
        [NoMarkup]
        public string? PostalCode { get; set; }

        [Display(Name = "Poststed")]
        [StringLength(PostalAddress.CityMaxLength, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup]
        public string? City { get; set; }

        [Display(Name = "Åpningstider og merknader")]
        [StringLength(1000, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string? OpeningNotes { get; set; }

        public bool StepFreeEntrance { get; set; }
        public bool AccessibleToilet { get; set; }
        public bool HearingLoop { get; set; }
        public bool Lift { get; set; }

        [Display(Name = "Adgang (nøkkel, kode, vaktmester) – sendes bare til den som har booket, før hver dato")]
        [StringLength(2000, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string? AccessInstructions { get; set; }

        [Display(Name = "Kontaktperson")]
        [StringLength(100, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup]
        public string? ContactName { get; set; }

        [Display(Name = "Kontaktens e-post")]
        [StringLength(254, ErrorMessage = "Skriv høyst {1} tegn.")]
        [EmailAddress(ErrorMessage = "Skriv en gyldig e-postadresse.")]
        [NoMarkup]
        public string? ContactEmail { get; set; }

        [Display(Name = "Kontaktens telefon")]
        [StringLength(30, ErrorMessage = "Skriv høyst {1} tegn.")]
        [RegularExpression(@"^\+?[0-9 ]{4,30}$", ErrorMessage = "Skriv telefonnummeret med sifre.")]
        public string? ContactPhone { get; set; }

        [Display(Name = "Breddegrad (for eksempel 69,6496)")]
        public double? Latitude { get; set; }

        [Display(Name = "Lengdegrad (for eksempel 18,9553)")]
        public double? Longitude { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Existing is { } b)
        {
            Input = new()
            {
                Name = b.Name, DistrictId = b.DistrictId, Kind = b.Kind, StreetAddress = b.StreetAddress, PostalCode = b.PostalCode, City = b.City,
                OpeningNotes = b.OpeningNotes, StepFreeEntrance = b.StepFreeEntrance, AccessibleToilet = b.AccessibleToilet, HearingLoop = b.HearingLoop,
                Lift = b.Lift, AccessInstructions = b.AccessInstructions, ContactName = b.ContactName, ContactEmail = b.ContactEmail,
                ContactPhone = b.ContactPhone, Latitude = b.Latitude, Longitude = b.Longitude,
            };
        }

        Message = Request.Query["lagret"] == "1" ? "Bygget er lagret." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Districts.All(d => d.Id != Input.DistrictId))
        {
            ModelState.AddModelError("Input.DistrictId", "Velg en bydel fra listen.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var building = Existing ?? new Frivillig.Model.Premises.Building { Name = string.Empty, StreetAddress = string.Empty };
        building.Name = Input.Name.Trim();
        building.DistrictId = Input.DistrictId;
        building.Kind = Input.Kind;
        building.StreetAddress = Input.StreetAddress.Trim();
        building.PostalCode = Blank(Input.PostalCode);
        building.City = Blank(Input.City);
        building.OpeningNotes = Blank(Input.OpeningNotes);
        building.StepFreeEntrance = Input.StepFreeEntrance;
        building.AccessibleToilet = Input.AccessibleToilet;
        building.HearingLoop = Input.HearingLoop;
        building.Lift = Input.Lift;
        building.AccessInstructions = Blank(Input.AccessInstructions);
        building.ContactName = Blank(Input.ContactName);
        building.ContactEmail = Blank(Input.ContactEmail);
        building.ContactPhone = Blank(Input.ContactPhone);
        building.Latitude = Input.Latitude;
        building.Longitude = Input.Longitude;
        foreach (var problem in building.Problems())
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
            db.Buildings.Add(building);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/{Municipality.Slug}/lokaler/forvaltning/bygg/{building.Id}?lagret=1");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>False when the id is not a building of this municipality (the filter hides others).</summary>
    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        if (id is null)
        {
            return true;
        }

        Existing = await db.Buildings.Include(b => b.Rooms).SingleOrDefaultAsync(b => b.Id == id, ct);
        return Existing is not null;
    }
}
