using System.ComponentModel.DataAnnotations;
using Frivillig.Web.Auth;
using Frivillig.Web.Email;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Admin;

/// <summary>The municipality's admins: the approval queue, staff roles and districts. Only they reach it (policy on the folder).</summary>
public sealed class MunicipalityAdminModel(FrivilligDbContext db, CurrentUser me, Outbox outbox, LinkBuilder links, TimeProvider time,
    MunicipalityDirectory directory, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public string MunicipalityName => db.Tenant.Required.Name;
    public string MunicipalitySlug => db.Tenant.Required.Slug;
    public Municipality Municipality => db.Tenant.Required;
    public IReadOnlyList<Organisation> Pending { get; private set; } = [];

    /// <summary>The districts each pending organisation says it works in, for the admin to check.</summary>
    public ILookup<int, string> PendingDistricts { get; private set; } = Array.Empty<string>().ToLookup(_ => 0);

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    public sealed class ContactInput
    {
        [Display(Name = "E-post til kommunen")]
        [Email]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string? Email { get; set; }

        [Display(Name = "Telefon til kommunen")]
        [RegularExpression(@"^\+?[0-9 ]{8,20}$", ErrorMessage = "Skriv telefonnummeret med siffer, for eksempel 77 79 00 00.")]
        public string? Phone { get; set; }

        [Display(Name = "Besøksadresse")]
        [StringLength(200, ErrorMessage = "Adressen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string? Address { get; set; }
    }
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];
    public IReadOnlyList<District> Districts { get; private set; } = [];

    [BindProperty]
    public GrantInput Grant { get; set; } = new();

    [BindProperty]
    public DistrictInput NewDistrict { get; set; } = new();

    public sealed record RoleRow(string Name, string? Email, MunicipalityRole Role);

    public sealed class GrantInput
    {
        [Display(Name = "E-postadresse")]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        public string? Email { get; set; }

        public MunicipalityRole Role { get; set; } = MunicipalityRole.PremisesManager;
    }

    public sealed class DistrictInput
    {
        [Display(Name = "Navn")]
        [StringLength(120, ErrorMessage = "Navnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string? Name { get; set; }

        public DistrictKind Kind { get; set; } = DistrictKind.Bydel;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Approves, after the question; the admin may correct the kind, and only here can it become "Kommune".</summary>
    /// <remarks>The kind's field is "organisationKind", not "kind": the district form's Kind would otherwise bind it too.</remarks>
    public async Task<IActionResult> OnPostApproveAsync(int organisationId, string? organisationKind, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!organisation.IsPending)
        {
            return AlreadyDecided(organisation);
        }

        OrganisationKind? newKind = null;
        if (!string.IsNullOrEmpty(organisationKind))
        {
            if (!Enum.TryParse<OrganisationKind>(organisationKind, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(organisationKind, out _))
            {
                ModelState.AddModelError($"kind-{organisationId}", t["Velg en type fra listen."]);
            }
            else
            {
                newKind = parsed;
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (!Confirmed)
        {
            await LoadAsync(ct);
            return AskToConfirm(t["Godkjenne {0}?", organisation.Name], t["Organisasjonen kan da publisere aktiviteter og låne lokaler, og får beskjed på e-post. En godkjenning kan ikke angres her."],
                t["Ja, godkjenn {0}", organisation.Name], $"/{MunicipalitySlug}/admin#org-{organisation.Id}");
        }

        if (newKind is { } k)
        {
            organisation.Kind = k;
        }

        organisation.Approve(me.RequiredId, time.GetUtcNow());
        return await DecidedAsync(organisation, ApprovalStatus.Approved, null, ct);
    }

    /// <summary>Rejects with the reason the organisation is told, after the question.</summary>
    public async Task<IActionResult> OnPostRejectAsync(int organisationId, string? note, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!organisation.IsPending)
        {
            return AlreadyDecided(organisation);
        }

        var field = $"note-{organisationId}";
        if (string.IsNullOrWhiteSpace(note))
        {
            ModelState.AddModelError(field, t["Skriv hvorfor {0} avslås. Organisasjonen får begrunnelsen på e-post.", organisation.Name]);
        }
        else if (note.Length > 1000 || !new NoMarkupAttribute { AllowLineBreaks = true }.IsValid(note))
        {
            ModelState.AddModelError(field, t["Begrunnelsen kan være høyst 1000 tegn og uten HTML-kode."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (!Confirmed)
        {
            await LoadAsync(ct);
            return AskToConfirm(t["Avslå {0}?", organisation.Name], t["Organisasjonen får e-post med begrunnelsen: «{0}». Et avslag kan ikke angres her.", note!.Trim()],
                t["Ja, avslå {0}", organisation.Name], $"/{MunicipalitySlug}/admin#org-{organisation.Id}");
        }

        organisation.Reject(me.RequiredId, note!, time.GetUtcNow());
        return await DecidedAsync(organisation, ApprovalStatus.Rejected, organisation.DecisionNote, ct);
    }

    /// <summary>Where residents reach the municipality: the footer, the accessibility and privacy statements.</summary>
    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct, keepContactInput: true);
            return Page();
        }

        var id = Municipality.Id;
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == id, ct);
        municipality.ContactEmail = NullIfBlank(Contact.Email);
        municipality.ContactPhone = NullIfBlank(Contact.Phone);
        municipality.ContactAddress = NullIfBlank(Contact.Address);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        await cache.EvictByTagAsync(Calendar.CalendarCache.Tag(MunicipalitySlug.ToLowerInvariant()), ct);
        TempData["Status"] = t["Kontaktinformasjonen er lagret."].Value;
        return Redirect($"/{MunicipalitySlug}/admin#kontakt");
    }

    /// <summary>A district's own address and phone, printed on its notice-board calendar.</summary>
    /// <remarks>Fields named districtAddress and districtPhone: as "address" and "phone" the contact form's properties would bind them too.</remarks>
    public async Task<IActionResult> OnPostDistrictAsync(int districtId, string? districtAddress, string? districtPhone, CancellationToken ct)
    {
        var address = districtAddress;
        var phone = districtPhone;
        var district = await db.Districts.SingleOrDefaultAsync(d => d.Id == districtId, ct);
        if (district is null)
        {
            return NotFound();
        }

        if (address is { Length: > 200 } || !new NoMarkupAttribute().IsValid(address))
        {
            ModelState.AddModelError($"address-{districtId}", t["Adressen kan være høyst 200 tegn og uten HTML-kode."]);
        }

        if (!string.IsNullOrWhiteSpace(phone) && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^\+?[0-9 ]{8,20}$"))
        {
            ModelState.AddModelError($"phone-{districtId}", t["Skriv telefonnummeret med siffer, for eksempel 77 79 00 00."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        district.Address = NullIfBlank(address);
        district.Phone = NullIfBlank(phone);
        await db.SaveChangesAsync(ct);
        await cache.EvictByTagAsync(Calendar.CalendarCache.Tag(MunicipalitySlug.ToLowerInvariant()), ct);
        TempData["Status"] = t["{0} er oppdatert.", district.Name].Value;
        return Redirect($"/{MunicipalitySlug}/admin#bydeler");
    }

    private RedirectResult AlreadyDecided(Organisation organisation)
    {
        TempData["Status"] = t["{0} er allerede behandlet.", organisation.Name].Value;
        return Redirect($"/{MunicipalitySlug}/admin");
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<IActionResult> DecidedAsync(Organisation organisation, ApprovalStatus decision, string? note, CancellationToken ct)
    {
        var organisationId = organisation.Id;

        // Tell the organisation's admins and its contact address; the mail is stored with the decision.
        var recipients = await db.Memberships.Where(m => m.OrganisationId == organisationId && m.Role == OrganisationRole.Admin)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.DisplayName })
            .ToListAsync(ct);
        var addresses = recipients.Where(r => r.Email is not null).Select(r => (Email: r.Email!, Name: r.DisplayName)).ToList();
        if (!addresses.Any(a => string.Equals(a.Email, organisation.ContactEmail, StringComparison.OrdinalIgnoreCase)))
        {
            addresses.Add((organisation.ContactEmail, organisation.ContactName));
        }

        foreach (var (email, name) in addresses)
        {
            outbox.Enqueue(email, name, decision == ApprovalStatus.Approved ? "organisation-approved" : "organisation-rejected", new Dictionary<string, string?>
            {
                ["Name"] = name,
                ["OrganisationName"] = organisation.Name,
                ["MunicipalityName"] = MunicipalityName,
                ["Note"] = note ?? t["Ingen begrunnelse oppgitt."],
                ["OrganisationUrl"] = links.Absolute($"/{MunicipalitySlug}/organisasjoner/{organisation.Id}"),
            });
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = decision == ApprovalStatus.Approved
            ? t["{0} er godkjent.", organisation.Name].Value
            : t["{0} er avslått.", organisation.Name].Value;
        return Redirect($"/{MunicipalitySlug}/admin");
    }

    public async Task<IActionResult> OnPostGrantRoleAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Grant.Email))
        {
            ModelState.AddModelError("Grant.Email", t["Skriv e-postadressen til personen."]);
        }

        if (!Enum.IsDefined(Grant.Role))
        {
            ModelState.AddModelError("Grant.Role", t["Velg en rolle fra listen."]);
        }

        var normalizedEmail = Grant.Email?.Trim().ToUpperInvariant();
        var user = ModelState.IsValid ? await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct) : null;
        if (ModelState.IsValid && user is null)
        {
            ModelState.AddModelError("Grant.Email", t["Ingen konto har denne e-postadressen. Be personen registrere seg først."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (!await db.MunicipalityRoles.AnyAsync(r => r.UserId == user!.Id && r.Role == Grant.Role, ct))
        {
            db.MunicipalityRoles.Add(new MunicipalityRoleAssignment { UserId = user!.Id, Role = Grant.Role });
            await db.SaveChangesAsync(ct);
        }

        TempData["Status"] = t["{0} har fått rollen.", user!.DisplayName].Value;
        return Redirect($"/{MunicipalitySlug}/admin#roller");
    }

    public async Task<IActionResult> OnPostAddDistrictAsync(CancellationToken ct)
    {
        var name = NewDistrict.Name?.Trim() ?? string.Empty;
        var slug = Slugs.From(name);
        if (slug.Length < 2)
        {
            ModelState.AddModelError("NewDistrict.Name", t["Skriv navnet på bydelen eller distriktssenteret."]);
        }
        else if (await db.Districts.AnyAsync(d => d.Slug == slug, ct))
        {
            ModelState.AddModelError("NewDistrict.Name", t["Kommunen har allerede et område med dette navnet."]);
        }

        if (!Enum.IsDefined(NewDistrict.Kind))
        {
            ModelState.AddModelError("NewDistrict.Kind", t["Velg bydel eller distriktssenter."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.Districts.Add(new District { Name = name, Slug = slug, Kind = NewDistrict.Kind });
        await db.SaveChangesAsync(ct);
        await cache.EvictByTagAsync(Calendar.CalendarCache.Tag(MunicipalitySlug.ToLowerInvariant()), ct);
        TempData["Status"] = t["{0} er lagt til.", name].Value;
        return Redirect($"/{MunicipalitySlug}/admin#bydeler");
    }

    private async Task LoadAsync(CancellationToken ct, bool keepContactInput = false)
    {
        if (!keepContactInput)
        {
            Contact = new ContactInput { Email = Municipality.ContactEmail, Phone = Municipality.ContactPhone, Address = Municipality.ContactAddress };
        }

        Pending = await db.Organisations.AsNoTracking().Where(o => o.Status == ApprovalStatus.Pending).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var pendingIds = Pending.Select(o => o.Id).ToList();
        PendingDistricts = (await db.OrganisationDistricts.Where(d => pendingIds.Contains(d.OrganisationId))
            .Select(d => new { d.OrganisationId, d.District!.Name }).ToListAsync(ct)).ToLookup(d => d.OrganisationId, d => d.Name);
        Roles = await db.MunicipalityRoles
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.Role, u.DisplayName, u.Email })
            .OrderBy(r => r.Role).ThenBy(r => r.DisplayName)
            .Select(r => new RoleRow(r.DisplayName, r.Email, r.Role))
            .ToListAsync(ct);
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
    }
}
