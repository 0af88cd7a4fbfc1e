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
    IStringLocalizer<SharedResource> t) : FormPageModel
{
    public string MunicipalityName => db.Tenant.Required.Name;
    public string MunicipalitySlug => db.Tenant.Required.Slug;
    public IReadOnlyList<Organisation> Pending { get; private set; } = [];
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

    public async Task<IActionResult> OnPostApproveAsync(int organisationId, CancellationToken ct) =>
        await DecideAsync(organisationId, ApprovalStatus.Approved, null, ct);

    public async Task<IActionResult> OnPostRejectAsync(int organisationId, string? note, CancellationToken ct)
    {
        if (note is { Length: > 1000 } || !new NoMarkupAttribute { AllowLineBreaks = true }.IsValid(note))
        {
            ModelState.AddModelError(string.Empty, t["Begrunnelsen kan være høyst 1000 tegn og uten HTML-kode."]);
            await LoadAsync(ct);
            return Page();
        }

        return await DecideAsync(organisationId, ApprovalStatus.Rejected, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), ct);
    }

    private async Task<IActionResult> DecideAsync(int organisationId, ApprovalStatus decision, string? note, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!organisation.IsPending)
        {
            TempData["Status"] = t["{0} er allerede behandlet.", organisation.Name].Value;
            return Redirect($"/{MunicipalitySlug}/admin");
        }

        if (decision == ApprovalStatus.Approved)
        {
            organisation.Approve(me.RequiredId, time.GetUtcNow());
        }
        else
        {
            organisation.Reject(me.RequiredId, note, time.GetUtcNow());
        }

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
        TempData["Status"] = t["{0} er lagt til.", name].Value;
        return Redirect($"/{MunicipalitySlug}/admin#bydeler");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Pending = await db.Organisations.AsNoTracking().Where(o => o.Status == ApprovalStatus.Pending).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        Roles = await db.MunicipalityRoles
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.Role, u.DisplayName, u.Email })
            .OrderBy(r => r.Role).ThenBy(r => r.DisplayName)
            .Select(r => new RoleRow(r.DisplayName, r.Email, r.Role))
            .ToListAsync(ct);
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
    }
}
