using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// The confidentiality declaration, signed in the app for one role or for the whole organisation; the
/// version, the time, the name signed and what it covers are recorded.
/// </summary>
public sealed class DeclarationModel(FrivilligDbContext db, CurrentUser me, VolunteerContent content, TimeProvider time, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public VolunteerRole Role { get; private set; } = default!;
    public string OrganisationName { get; private set; } = string.Empty;
    public Declaration Declaration => content.Declaration;
    public DeclarationSignature? SignedBefore { get; private set; }

    [BindProperty]
    public SignInput Input { get; set; } = new();

    public sealed class SignInput
    {
        [Display(Name = "Fullt navn")]
        [Required(ErrorMessage = "Skriv fullt navn for å signere.")]
        [StringLength(100, ErrorMessage = "Navnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string Name { get; set; } = string.Empty;

        /// <summary>"rolle" covers this role; "organisasjon" every role of the organisation.</summary>
        public string Covers { get; set; } = "rolle";

        [Display(Name = "Jeg har lest erklæringen og lover å følge den")]
        public bool Agree { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int roleId, CancellationToken ct)
    {
        if (!await LoadAsync(roleId, ct))
        {
            return NotFound();
        }

        Input.Name = me.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roleId, CancellationToken ct)
    {
        if (!await LoadAsync(roleId, ct))
        {
            return NotFound();
        }

        if (!Input.Agree)
        {
            ModelState.AddModelError("Input.Agree", t["Kryss av for at du har lest erklæringen og lover å følge den."]);
        }

        if (Input.Covers is not ("rolle" or "organisasjon"))
        {
            ModelState.AddModelError("Input.Covers", t["Velg hva erklæringen gjelder."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.DeclarationSignatures.Add(new DeclarationSignature
        {
            UserId = me.RequiredId, OrganisationId = Role.OrganisationId, RoleId = Input.Covers == "rolle" ? Role.Id : null,
            Version = content.Declaration.Version, SignedAt = time.GetUtcNow(), SignedName = Input.Name.Trim(),
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Taushetserklæringen er signert."].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/frivillig/roller/{roleId}#status");
    }

    private async Task<bool> LoadAsync(int roleId, CancellationToken ct)
    {
        var row = await db.VolunteerRoles.AsNoTracking().Where(r => r.Id == roleId && r.Status == RoleStatus.Open)
            .Select(r => new { Role = r, Organisation = r.Organisation!.Name }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }

        Role = row.Role;
        OrganisationName = row.Organisation;
        var userId = me.RequiredId;
        SignedBefore = (await db.DeclarationSignatures.AsNoTracking().Where(s => s.UserId == userId && s.OrganisationId == Role.OrganisationId).ToListAsync(ct))
            .FirstOrDefault(s => s.Covers(Role, content.Declaration.Version));
        return true;
    }
}
