using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>The volunteer's profile in this municipality: contact, languages, skills, districts, when they can help, and "tell me when a fitting role opens".</summary>
public sealed class ProfileModel(FrivilligDbContext db, CurrentUser me, TimeProvider time, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public IReadOnlyList<District> Districts { get; private set; } = [];

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public sealed class ProfileInput
    {
        [Display(Name = "Mobilnummer")]
        [RegularExpression(@"^\+?[0-9 ]{8,20}$", ErrorMessage = "Skriv telefonnummeret med siffer, for eksempel 912 34 567.")]
        public string? Phone { get; set; }

        [Display(Name = "Språk du snakker")]
        [StringLength(200, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup]
        public string? Languages { get; set; }

        [Display(Name = "Hva du kan og liker å gjøre")]
        [StringLength(1000, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string? Skills { get; set; }

        [Display(Name = "Når du kan hjelpe")]
        [StringLength(500, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string? Availability { get; set; }

        public List<string> Districts { get; set; } = [];

        public List<string> Days { get; set; } = [];

        public List<string> Times { get; set; } = [];

        [Display(Name = "Gi meg beskjed på e-post når en rolle som passer meg åpner")]
        public bool NotifyOnNewRoles { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await LoadDistrictsAsync(ct);
        var userId = me.RequiredId;
        if (await db.VolunteerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct) is { } p)
        {
            Input = new ProfileInput
            {
                Phone = p.Phone, Languages = p.Languages, Skills = p.Skills, Availability = p.Availability, NotifyOnNewRoles = p.NotifyOnNewRoles,
                Districts = [.. p.DistrictSlugs], Days = [.. p.DayList.Select(d => d.ToString().ToLowerInvariant())],
                Times = [.. VolunteerLabels.Times.Where(x => p.TimesOfDay.HasFlag(x)).Select(x => x.ToString().ToLowerInvariant())],
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Districts = await LoadDistrictsAsync(ct);
        var known = Districts.Select(d => d.Slug).ToHashSet(StringComparer.Ordinal);
        if (Input.Districts.Count > 50 || Input.Districts.Any(d => !known.Contains(d)))
        {
            ModelState.AddModelError("Input.Districts", t["Velg bydeler fra listen."]);
        }

        if (!VolunteerLabels.TryParseDays(Input.Days, out var days))
        {
            ModelState.AddModelError("Input.Days", t["Velg dager fra listen."]);
        }

        if (!VolunteerLabels.TryParseTimes(Input.Times, out var times))
        {
            ModelState.AddModelError("Input.Times", t["Velg tider fra listen."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = me.RequiredId;
        var profile = await db.VolunteerProfiles.SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            profile = new VolunteerProfile { UserId = userId };
            db.VolunteerProfiles.Add(profile);
        }

        profile.Phone = Blank(Input.Phone);
        profile.Languages = Blank(Input.Languages);
        profile.Skills = Blank(Input.Skills);
        profile.Availability = Blank(Input.Availability);
        profile.Districts = "," + string.Join(',', Input.Districts.Distinct(StringComparer.Ordinal)) + ",";
        profile.Days = "," + string.Join(',', days.Distinct().Order().Select(d => ((int)d).ToString(System.Globalization.CultureInfo.InvariantCulture))) + ",";
        profile.TimesOfDay = times;
        profile.NotifyOnNewRoles = Input.NotifyOnNewRoles;
        profile.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Profilen er lagret."].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/frivillig/profil");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private Task<List<District>> LoadDistrictsAsync(CancellationToken ct) => db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
}
