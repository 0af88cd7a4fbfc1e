using System.ComponentModel.DataAnnotations;
using Frivillig.Web.Auth;
using Frivillig.Web.Email;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Organisations;

public sealed class RegisterModel(FrivilligDbContext db, CurrentUser me, Outbox outbox, LinkBuilder links, TimeProvider time,
    IStringLocalizer<SharedResource> t) : FormPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string MunicipalityName => db.Tenant.Required.Name;
    public IReadOnlyList<District> Districts { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Navn på organisasjonen")]
        [Required(ErrorMessage = "Skriv navnet på organisasjonen.")]
        [StringLength(Organisation.NameMaxLength, ErrorMessage = "Navnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Velg hva slags organisasjon dette er.")]
        public OrganisationKind? Kind { get; set; }

        [Display(Name = "Organisasjonsnummer")]
        [StringLength(20, ErrorMessage = "Organisasjonsnummeret har 9 siffer.")]
        public string? OrganisationNumber { get; set; }

        [Display(Name = "Kort om organisasjonen")]
        [StringLength(Organisation.DescriptionMaxLength, ErrorMessage = "Beskrivelsen kan være høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string? Description { get; set; }

        [Display(Name = "Kontaktperson")]
        [Required(ErrorMessage = "Skriv navnet på kontaktpersonen.")]
        [StringLength(100, ErrorMessage = "Navnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string ContactName { get; set; } = string.Empty;

        [Display(Name = "E-post til kontaktperson")]
        [Required(ErrorMessage = "Skriv e-postadressen til kontaktpersonen.")]
        [Email]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string ContactEmail { get; set; } = string.Empty;

        [Display(Name = "Telefon til kontaktperson")]
        [RegularExpression(@"^\+?[0-9 ]{8,20}$", ErrorMessage = "Skriv telefonnummeret med siffer, for eksempel 912 34 567.")]
        public string? ContactPhone { get; set; }

        [Display(Name = "Nettside")]
        [Url(ErrorMessage = "Skriv en hel adresse som begynner med https://.")]
        [StringLength(300, ErrorMessage = "Adressen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string? Website { get; set; }

        public List<int> DistrictIds { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        string? number = null;
        if (!string.IsNullOrWhiteSpace(Input.OrganisationNumber) && !OrganisationNumber.TryNormalize(Input.OrganisationNumber, out number))
        {
            ModelState.AddModelError("Input.OrganisationNumber", t["Organisasjonsnummeret er ikke gyldig. Det har 9 siffer, og det siste er et kontrollsiffer."]);
        }

        if (Input.Kind is { } kind && (Organisation.KindNeedsMunicipality(kind) || !Enum.IsDefined(kind)))
        {
            ModelState.AddModelError("Input.Kind", t["Bare kommunen kan gi typen «Kommune». Velg typen som passer best; kommunen retter den ved godkjenning om det trengs."]);
        }

        if (Input.DistrictIds.Count == 0)
        {
            ModelState.AddModelError("Input.DistrictIds", t["Velg minst én bydel eller ett distriktssenter."]);
        }
        else if (Input.DistrictIds.Except(Districts.Select(d => d.Id)).Any())
        {
            // An id from another municipality, or one that does not exist.
            ModelState.AddModelError("Input.DistrictIds", t["Velg bydeler fra listen."]);
        }

        if (Input.Website is { } site && !(site.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || site.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Website", t["Skriv en hel adresse som begynner med https://."]);
        }

        var slug = Slugs.From(Input.Name);
        if (ModelState.IsValid && slug.Length < 2)
        {
            ModelState.AddModelError("Input.Name", t["Navnet må ha minst to bokstaver eller tall."]);
        }

        var name = Input.Name.Trim();
        if (ModelState.IsValid && await db.Organisations.AnyAsync(o => o.Slug == slug || o.Name == name, ct))
        {
            ModelState.AddModelError("Input.Name", t["Det finnes allerede en organisasjon med dette navnet i kommunen."]);
        }

        if (ModelState.IsValid && number is not null && await db.Organisations.AnyAsync(o => o.OrganisationNumber == number, ct))
        {
            ModelState.AddModelError("Input.OrganisationNumber", t["En organisasjon med dette organisasjonsnummeret er allerede registrert i kommunen."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        var organisation = new Organisation
        {
            Slug = slug,
            Name = Input.Name.Trim(),
            Kind = Input.Kind!.Value,
            OrganisationNumber = number,
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            ContactName = Input.ContactName.Trim(),
            ContactEmail = Input.ContactEmail.Trim(),
            ContactPhone = Input.ContactPhone?.Trim(),
            Website = Input.Website?.Trim(),
            CreatedAt = now,
            Districts = [.. Input.DistrictIds.Distinct().Select(id => new OrganisationDistrict { DistrictId = id })],
            Members = [new OrganisationMembership { UserId = me.RequiredId, Role = OrganisationRole.Admin, JoinedAt = now }],
        };
        db.Organisations.Add(organisation);
        await NotifyAdminsAsync(organisation, ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations with the same name raced past the check; the unique index decided.
            ModelState.AddModelError("Input.Name", t["Det finnes allerede en organisasjon med dette navnet i kommunen."]);
            return Page();
        }

        TempData["Status"] = t["Takk! {0} er sendt til kommunen for godkjenning. Du får e-post når den er behandlet.", organisation.Name].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/organisasjoner/{organisation.Id}");
    }

    private async Task NotifyAdminsAsync(Organisation organisation, CancellationToken ct)
    {
        var municipality = db.Tenant.Required;
        var admins = await db.MunicipalityRoles
            .Where(r => r.Role == MunicipalityRole.Admin)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.Email, u.DisplayName })
            .ToListAsync(ct);
        foreach (var admin in admins.Where(a => a.Email is not null))
        {
            outbox.Enqueue(admin.Email!, admin.DisplayName, "organisation-pending", new Dictionary<string, string?>
            {
                ["Name"] = admin.DisplayName,
                ["OrganisationName"] = organisation.Name,
                ["OrganisationKind"] = t[OrganisationKinds.Label(organisation.Kind)],
                ["MunicipalityName"] = municipality.Name,
                ["ContactName"] = organisation.ContactName,
                ["ContactEmail"] = organisation.ContactEmail,
                ["ReviewUrl"] = links.Absolute($"/{municipality.Slug}/admin"),
            });
        }
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
}
