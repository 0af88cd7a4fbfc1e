using System.ComponentModel.DataAnnotations;
using Frivillig.Web.Features.Pictures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Organisations.Manage;

/// <summary>
/// An organisation's admins keep its public facts up to date: description, contact, website, address
/// and picture. The name, kind and organisation number are what the municipality approved, so they are
/// not changed here.
/// </summary>
public sealed class EditModel(FrivilligDbContext db, TimeProvider time, IOutputCacheStore cache, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public string Slug => db.Tenant.Required.Slug;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
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

        [Display(Name = "Gateadresse")]
        [StringLength(PostalAddress.StreetMaxLength, ErrorMessage = "Adressen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string? StreetAddress { get; set; }

        [Display(Name = "Postnummer")]
        [RegularExpression("^[0-9]{4}$", ErrorMessage = "Postnummeret har fire siffer.")]
        public string? PostalCode { get; set; }

        [Display(Name = "Poststed")]
        [StringLength(PostalAddress.CityMaxLength, ErrorMessage = "Poststedet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string? City { get; set; }

        public PictureInput Picture { get; set; } = new();
    }

    public async Task OnGetAsync(int orgId, CancellationToken ct)
    {
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        var o = Organisation;
        Input = new InputModel
        {
            Description = o.Description, ContactName = o.ContactName, ContactEmail = o.ContactEmail, ContactPhone = o.ContactPhone, Website = o.Website,
            StreetAddress = o.StreetAddress, PostalCode = o.PostalCode, City = o.City, Picture = new PictureInput { Alt = o.PictureAlt },
        };
    }

    public async Task<IActionResult> OnPostAsync(int orgId, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Id == orgId, ct);
        Organisation = organisation;
        if (Input.Website is { } site && !(site.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || site.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Website", t["Skriv en hel adresse som begynner med https://."]);
        }

        if (string.IsNullOrWhiteSpace(Input.StreetAddress) && (!string.IsNullOrWhiteSpace(Input.PostalCode) || !string.IsNullOrWhiteSpace(Input.City)))
        {
            ModelState.AddModelError("Input.StreetAddress", t["Skriv gateadressen også, eller la postnummer og poststed stå tomme."]);
        }

        var picture = await Input.Picture.ReadAsync("Input.Picture", organisation.PictureId is not null, ModelState, time.GetUtcNow(), t, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (picture is not null)
        {
            db.Pictures.Add(picture);
            await db.SaveChangesAsync(ct);
            organisation.SetPicture(picture.Id, Input.Picture.Alt);
        }
        else if (Input.Picture.Remove)
        {
            organisation.SetPicture(null, null);
        }
        else if (organisation.PictureId is not null)
        {
            organisation.SetPicture(organisation.PictureId, Input.Picture.Alt);
        }

        organisation.Description = Blank(Input.Description);
        organisation.ContactName = Input.ContactName.Trim();
        organisation.ContactEmail = Input.ContactEmail.Trim();
        organisation.ContactPhone = Blank(Input.ContactPhone);
        organisation.Website = Blank(Input.Website);
        var address = PostalAddress.From(Input.StreetAddress, Input.PostalCode, Input.City);
        organisation.StreetAddress = address?.Street;
        organisation.PostalCode = address?.PostalCode;
        organisation.City = address?.City;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // The organisation's name and page appear in cached calendars and feeds.
        await cache.EvictByTagAsync(Calendar.CalendarCache.Tag(Slug.ToLowerInvariant()), ct);
        TempData["Status"] = t["Opplysningene om {0} er lagret.", organisation.Name].Value;
        return Redirect($"/{Slug}/organisasjoner/{organisation.Id}");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
