using System.ComponentModel.DataAnnotations;
using Frivillig.Web.Auth;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Admin;

/// <summary>Platform admins create municipalities. Only they reach it (policy on the folder).</summary>
public sealed class MunicipalitiesModel(FrivilligDbContext db, MunicipalityDirectory directory, TimeProvider time,
    Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Navn")]
        [Required(ErrorMessage = "Skriv navnet på kommunen.")]
        [StringLength(120, ErrorMessage = "Navnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Adresse (slug)")]
        [Required(ErrorMessage = "Skriv adressen kommunen skal ha.")]
        [StringLength(60, ErrorMessage = "Adressen kan være høyst {1} tegn.")]
        public string Slug { get; set; } = string.Empty;

        [Display(Name = "E-post til første kommuneadministrator")]
        [Required(ErrorMessage = "Skriv e-postadressen til kommuneadministratoren.")]
        [Email]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        public string AdminEmail { get; set; } = string.Empty;
    }

    public async Task OnGetAsync(CancellationToken ct) => Municipalities = await directory.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var slug = Input.Slug.Trim();
        if (ModelState.IsValid && !Slugs.IsValid(slug))
        {
            ModelState.AddModelError("Input.Slug", t["Bruk 2–60 små bokstaver (a–z), tall og bindestrek."]);
        }
        else if (ModelState.IsValid && ReservedSlugs.IsReserved(slug))
        {
            ModelState.AddModelError("Input.Slug", t["Adressen «{0}» er reservert. Velg en annen.", slug]);
        }
        else if (ModelState.IsValid && await db.Municipalities.AnyAsync(m => m.Slug == slug, ct))
        {
            ModelState.AddModelError("Input.Slug", t["Det finnes allerede en kommune med adressen «{0}».", slug]);
        }

        var normalizedEmail = Input.AdminEmail.Trim().ToUpperInvariant();
        var admin = ModelState.IsValid ? await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct) : null;
        if (ModelState.IsValid && admin is null)
        {
            ModelState.AddModelError("Input.AdminEmail", t["Ingen konto har denne e-postadressen."]);
        }

        if (!ModelState.IsValid)
        {
            Municipalities = await directory.ListAsync(ct);
            return Page();
        }

        // Creating a tenant is the one write that spans tenants by nature.
        using (db.Tenant.EnterSystemScope())
        {
            var municipality = new Municipality { Slug = slug, Name = Input.Name.Trim(), CreatedAt = time.GetUtcNow() };
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync(ct);
            db.MunicipalityRoles.Add(new MunicipalityRoleAssignment { MunicipalityId = municipality.Id, UserId = admin!.Id, Role = MunicipalityRole.Admin });
            await db.SaveChangesAsync(ct);
        }

        directory.Invalidate();
        // The list of municipalities (API, front page) is kept under the shared "calendar" tag.
        await cache.EvictByTagAsync("calendar", ct);
        TempData["Status"] = t["{0} er opprettet.", Input.Name.Trim()].Value;
        return Redirect("/admin/kommuner");
    }
}
