using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Frivillig.Web.Auth;
using Frivillig.Web.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Activities;

/// <summary>One activity: its next dates, places left, how to join, and the sign-up form.</summary>
public sealed class DetailsModel(FrivilligDbContext db, CurrentUser me, Catalog catalog, SignUpMail mail, LinkBuilder links, MunicipalClock clock,
    Venues venues, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public Activity Activity { get; private set; } = default!;
    public Catalog Catalog => catalog;
    public IReadOnlyList<Occurrence> NextDates { get; private set; } = [];
    public Dictionary<long, int?> PlacesLeft { get; } = [];
    public bool CanManage { get; private set; }
    public string JsonLd { get; private set; } = "{}";

    /// <summary>Where it is held, when a feature knows (a municipal room booked for it).</summary>
    public Venue? Venue { get; private set; }
    public LinkBuilder Links => links;

    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public sealed class SignUpInput
    {
        /// <summary>"serie" or the occurrence's original start as UTC ticks.</summary>
        [Required(ErrorMessage = "Velg hvilken dato du vil melde deg på.")]
        public string? Date { get; set; }

        [Display(Name = "Navn")]
        [Required(ErrorMessage = "Skriv navnet ditt.")]
        [StringLength(100, ErrorMessage = "Navnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "E-postadresse")]
        [Email]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string? Email { get; set; }

        [Display(Name = "Mobilnummer")]
        [RegularExpression(@"^\+?[0-9 ]{8,20}$", ErrorMessage = "Skriv telefonnummeret med siffer, for eksempel 912 34 567.")]
        public string? Phone { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The next date is chosen already: most people come to the next one, and it saves them a step.
        Input.Date ??= NextDates.FirstOrDefault(o => !o.Cancelled)?.OriginalStart.UtcTicks.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostSignUpAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Activity.Status != ActivityStatus.Published || Activity.IsDropIn)
        {
            ModelState.AddModelError("Input.Date", t["Denne aktiviteten tar ikke imot påmelding."]);
        }

        if (string.IsNullOrWhiteSpace(Input.Email) && string.IsNullOrWhiteSpace(Input.Phone))
        {
            ModelState.AddModelError("Input.Email", t["Skriv e-postadresse eller mobilnummer, så arrangøren kan nå deg."]);
        }

        DateTimeOffset? date = null;
        if (Input.Date is not null and not "serie")
        {
            var chosen = long.TryParse(Input.Date, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? NextDates.FirstOrDefault(o => o.OriginalStart.UtcTicks == ticks && !o.Cancelled)
                : null;
            if (chosen is null)
            {
                ModelState.AddModelError("Input.Date", t["Velg en av datoene i listen."]);
            }
            else
            {
                date = chosen.OriginalStart;
            }
        }
        else if (Input.Date == "serie" && Activity.Frequency == RecurrenceFrequency.None)
        {
            ModelState.AddModelError("Input.Date", t["Velg en av datoene i listen."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = Tokens.New();
        var person = new SignUpPerson(Input.Name.Trim(), string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim());
        // One writer per activity at a time: the place count and the insert cannot interleave.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var signUp = await Places.SignUpAsync(db, Activity, date, person, Tokens.Hash(token), clock.Zone, clock.Now, ct);
            // A whole-series sign-up that found every coming date full is, for now, only waiting.
            var anyPlace = signUp.HasPlace && (!signUp.IsSeries || signUp.WaitlistedDates.Count < Places.UpcomingStarts(Activity, clock.Zone, clock.Now).Count);
            await mail.SendAsync(signUp, Activity, anyPlace ? "signup-confirmed" : "signup-waitlisted", anyPlace ? "REQUEST" : null, ct,
                token, firstInvitation: true);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return Redirect($"/{db.Tenant.Required.Slug}/pamelding/{token}");
    }

    public string LocalText(DateTimeOffset instant, string format) => clock.Text(instant, format);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking()
            .Include(a => a.DateChanges).Include(a => a.District).Include(a => a.Organisation)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
        {
            return false;
        }

        var role = await me.RoleInAsync(activity.OrganisationId, ct);
        CanManage = role is OrganisationRole.Admin or OrganisationRole.Coordinator;
        if (activity.Status == ActivityStatus.Draft && role is null)
        {
            return false; // Drafts are the organisation's own business.
        }

        Activity = activity;
        var now = clock.Now;
        NextDates = [.. activity.Occurrences(clock.Zone, now, now.AddDays(120)).Take(12)];
        if (activity.Capacity is not null)
        {
            foreach (var o in NextDates)
            {
                PlacesLeft[o.OriginalStart.UtcTicks] = await Places.LeftAsync(db, activity, o.OriginalStart, ct);
            }
        }

        Venue = await venues.FindAsync(activity.Id, ct);
        JsonLd = StructuredData.Event(activity, NextDates.FirstOrDefault(o => !o.Cancelled) ?? (NextDates.Count > 0 ? NextDates[0] : null), catalog,
            links.Absolute($"/{db.Tenant.Required.Slug}/aktiviteter/{activity.Id}"), Venue,
            activity.PictureId is { } pictureId ? links.Absolute(Pictures.PicturesModule.Url(db.Tenant.Required.Slug, pictureId, PictureSize.Large)) : null);
        return true;
    }
}

/// <summary>schema.org Event for search engines and assistants, one per page, for the next date.</summary>
internal static class StructuredData
{
    public static string Event(Activity a, Occurrence? next, Catalog catalog, string url, Venue? venue = null, string? imageUrl = null)
    {
        var status = a.Status == ActivityStatus.Cancelled || next?.Cancelled == true
            ? "https://schema.org/EventCancelled"
            : next?.Moved == true ? "https://schema.org/EventRescheduled" : "https://schema.org/EventScheduled";
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = a.Title,
            ["description"] = a.Summary ?? string.Empty,
            ["url"] = url,
            ["startDate"] = (next?.Start ?? a.StartsAt).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            ["endDate"] = (next?.End ?? a.EndsAt).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            ["eventStatus"] = status,
            ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
            ["location"] = venue is null
                ? new Dictionary<string, object?> { ["@type"] = "Place", ["name"] = a.Place, ["address"] = $"{a.Place}, {a.District?.Name}" }
                : new Dictionary<string, object?>
                {
                    ["@type"] = "Place",
                    ["name"] = venue.Name,
                    ["address"] = new Dictionary<string, object?>
                    {
                        ["@type"] = "PostalAddress", ["streetAddress"] = venue.StreetAddress, ["postalCode"] = venue.PostalCode,
                        ["addressLocality"] = venue.City, ["addressCountry"] = "NO",
                    },
                    ["geo"] = venue.Latitude is { } lat && venue.Longitude is { } lon
                        ? new Dictionary<string, object?> { ["@type"] = "GeoCoordinates", ["latitude"] = lat, ["longitude"] = lon }
                        : null,
                    ["amenityFeature"] = venue.Accessibility.Select(x => new Dictionary<string, object?> { ["@type"] = "LocationFeatureSpecification", ["name"] = x, ["value"] = true }).ToList(),
                },
            ["organizer"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = a.Organisation?.Name },
            ["image"] = imageUrl is null ? null : new[] { imageUrl },
            ["isAccessibleForFree"] = a.PriceNok is null,
            ["inLanguage"] = "nb",
            ["audience"] = a.TargetGroupSlugs.Select(s => new Dictionary<string, object?> { ["@type"] = "Audience", ["audienceType"] = catalog.TargetName(s) }).ToList(),
            ["offers"] = new Dictionary<string, object?> { ["@type"] = "Offer", ["price"] = a.PriceNok ?? 0m, ["priceCurrency"] = "NOK", ["url"] = url },
        };
        // The default encoder escapes <, > and &, so no text can close the script element it sits in.
        return JsonSerializer.Serialize(data);
    }
}
