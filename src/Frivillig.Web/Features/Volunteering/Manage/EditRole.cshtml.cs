using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Frivillig.Model.Volunteering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering.Manage;

/// <summary>
/// A coordinator makes a role (from a template in content/roles, copied and adapted) or changes one.
/// Both lists are required. Opening it for the first time tells the volunteers who asked to hear of a
/// role that fits them.
/// </summary>
public sealed class EditRoleModel(FrivilligDbContext db, VolunteerContent content, VolunteerMail mail, TimeProvider time, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public VolunteerRole? Role { get; private set; }
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Activities { get; private set; } = [];
    public VolunteerContent Texts => content;

    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public sealed class RoleInput
    {
        [Display(Name = "Tittel")]
        [Required(ErrorMessage = "Skriv en tittel.")]
        [StringLength(VolunteerRole.TitleMaxLength, ErrorMessage = "Tittelen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string Title { get; set; } = string.Empty;

        [Display(Name = "Beskrivelse")]
        [Required(ErrorMessage = "Beskriv rollen.")]
        [StringLength(VolunteerRole.DescriptionMaxLength, ErrorMessage = "Beskrivelsen kan være høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string Description { get; set; } = string.Empty;

        public string TaskKind { get; set; } = "annet";

        public string? ActivityId { get; set; }

        public string? DistrictId { get; set; }

        [Display(Name = "Sted")]
        [StringLength(200, ErrorMessage = "Stedet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string? Place { get; set; }

        [Display(Name = "Dette gjør den frivillige (ett punkt per linje)")]
        [Required(ErrorMessage = "Skriv hva den frivillige gjør.")]
        [StringLength(6000, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string MayDo { get; set; } = string.Empty;

        [Display(Name = "Dette gjør den frivillige ikke (ett punkt per linje)")]
        [Required(ErrorMessage = "Skriv hva den frivillige ikke gjør.")]
        [StringLength(6000, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string MayNotDo { get; set; } = string.Empty;

        [Display(Name = "Kontaktperson")]
        [Required(ErrorMessage = "Skriv hvem den frivillige kontakter.")]
        [StringLength(100, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup]
        public string ContactName { get; set; } = string.Empty;

        [Display(Name = "Kontaktpersonens e-post")]
        [Required(ErrorMessage = "Skriv kontaktpersonens e-postadresse.")]
        [Email]
        [StringLength(254, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup]
        public string ContactEmail { get; set; } = string.Empty;

        [Display(Name = "Ansatte som jobber med den frivillige")]
        [Required(ErrorMessage = "Skriv hvem av de ansatte som jobber med den frivillige.")]
        [StringLength(200, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup]
        public string StaffNames { get; set; } = string.Empty;

        [Display(Name = "De ansattes e-post (én per linje)")]
        [Required(ErrorMessage = "Skriv e-postadressen til de ansatte: de får vite hvem som kommer før første vakt.")]
        [StringLength(1300, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string StaffEmails { get; set; } = string.Empty;

        [Display(Name = "Forventet tidsbruk")]
        [Required(ErrorMessage = "Skriv hvor mye tid rollen tar.")]
        [StringLength(200, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup]
        public string ExpectedTime { get; set; } = string.Empty;

        [Display(Name = "Språk")]
        [StringLength(200, ErrorMessage = "Høyst {1} tegn.")]
        [NoMarkup]
        public string? Languages { get; set; }

        public List<string> Modules { get; set; } = [];

        public List<string> Days { get; set; } = [];

        public List<string> Times { get; set; } = [];

        [Display(Name = "Krever signert taushetserklæring")]
        public bool NeedsDeclaration { get; set; }

        [Display(Name = "Tillitsforhold til barn eller personer med utviklingshemning (krever politiattest)")]
        public bool InvolvesTrust { get; set; }

        [Display(Name = "Åpen for søkere")]
        public bool Open { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int orgId, int? id, [FromQuery(Name = "mal")] string? template, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        if (Role is { } r)
        {
            Input = new RoleInput
            {
                Title = r.Title, Description = r.Description, TaskKind = r.TaskKind, ActivityId = r.ActivityId?.ToString(CultureInfo.InvariantCulture),
                DistrictId = r.DistrictId?.ToString(CultureInfo.InvariantCulture), Place = r.Place, MayDo = string.Join('\n', r.MayDo), MayNotDo = string.Join('\n', r.MayNotDo),
                ContactName = r.ContactName, ContactEmail = r.ContactEmail, StaffNames = r.StaffNames, StaffEmails = string.Join('\n', r.StaffEmails), ExpectedTime = r.ExpectedTime,
                Languages = r.Languages, Modules = [.. r.RequiredModules], Days = [.. r.Days.Select(d => d.ToString().ToLowerInvariant())],
                Times = [.. VolunteerLabels.Times.Where(x => r.TimesOfDay.HasFlag(x)).Select(x => x.ToString().ToLowerInvariant())],
                NeedsDeclaration = r.NeedsDeclaration, InvolvesTrust = r.InvolvesTrust, Open = r.IsOpen,
            };
        }
        else if (template is not null && content.Templates.FirstOrDefault(x => x.Slug == template) is { } tpl)
        {
            Input = new RoleInput
            {
                Title = tpl.Title, Description = tpl.Description, TaskKind = tpl.TaskKind, MayDo = string.Join('\n', tpl.MayDo), MayNotDo = string.Join('\n', tpl.MayNotDo),
                ExpectedTime = tpl.ExpectedTime, Modules = [.. tpl.RequiredModules], NeedsDeclaration = tpl.NeedsDeclaration, InvolvesTrust = tpl.InvolvesTrust,
                ContactName = Organisation.ContactName, ContactEmail = Organisation.ContactEmail,
            };
        }
        else
        {
            Input.ContactName = Organisation.ContactName;
            Input.ContactEmail = Organisation.ContactEmail;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int orgId, int? id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
        {
            return NotFound();
        }

        var details = Validate();
        if (details is null || !ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        var role = Role is null ? null : await db.VolunteerRoles.SingleAsync(r => r.Id == Role.Id, ct);
        if (role is null)
        {
            role = VolunteerRole.Draft(orgId, details, now);
            db.VolunteerRoles.Add(role);
        }
        else
        {
            role.Edit(details, now);
        }

        await db.SaveChangesAsync(ct);
        if (Input.Open && !role.IsOpen)
        {
            var first = role.OpenedAt is null;
            role.Open(now);
            if (first && Organisation.CanAct)
            {
                await NotifyFittingAsync(role, ct);
            }
        }
        else if (!Input.Open && role.IsOpen)
        {
            role.Close(now);
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Rollen «{0}» er lagret.", role.Title].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/organisasjoner/{orgId}/frivillig");
    }

    /// <summary>Volunteers in this municipality who asked to be told, and whose districts, days and times fit the role.</summary>
    private async Task NotifyFittingAsync(VolunteerRole role, CancellationToken ct)
    {
        var district = role.DistrictId is { } did ? Districts.FirstOrDefault(d => d.Id == did)
            : role.ActivityId is { } aid ? await db.Activities.Where(a => a.Id == aid).Select(a => a.District).SingleOrDefaultAsync(ct) : null;
        var profiles = await db.VolunteerProfiles.Where(p => p.NotifyOnNewRoles)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { Profile = p, u.Email, u.DisplayName, u.EmailConfirmed }).ToListAsync(ct);
        foreach (var p in profiles.Where(p => p.EmailConfirmed && p.Email is not null && p.Profile.Fits(role, district?.Slug)))
        {
            mail.RoleOpened(p.Email!, p.DisplayName, role, Organisation.Name, district?.Name ?? role.Place ?? string.Empty);
        }
    }

    private RoleDetails? Validate()
    {
        if (!VolunteerLabels.TaskKinds.Contains(Input.TaskKind))
        {
            ModelState.AddModelError("Input.TaskKind", t["Velg type oppgave fra listen."]);
        }

        int? activityId = null;
        if (!string.IsNullOrEmpty(Input.ActivityId))
        {
            if (int.TryParse(Input.ActivityId, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && Activities.Any(x => x.Id == a))
            {
                activityId = a;
            }
            else
            {
                ModelState.AddModelError("Input.ActivityId", t["Velg en av organisasjonens aktiviteter."]);
            }
        }

        int? districtId = null;
        if (!string.IsNullOrEmpty(Input.DistrictId))
        {
            if (int.TryParse(Input.DistrictId, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && Districts.Any(x => x.Id == d))
            {
                districtId = d;
            }
            else
            {
                ModelState.AddModelError("Input.DistrictId", t["Velg en bydel fra listen."]);
            }
        }

        if (activityId is null && districtId is null && !HasError("Input.DistrictId"))
        {
            ModelState.AddModelError("Input.DistrictId", t["Velg aktiviteten eller bydelen rollen hører til."]);
        }

        var mayDo = VolunteerRole.Clean(Input.MayDo.Split('\n'));
        var mayNotDo = VolunteerRole.Clean(Input.MayNotDo.Split('\n'));
        if (mayDo.Count > VolunteerRole.ListMaxItems || mayDo.Any(i => i.Length > VolunteerRole.ListItemMaxLength))
        {
            ModelState.AddModelError("Input.MayDo", t["Høyst {0} punkter på høyst {1} tegn.", VolunteerRole.ListMaxItems, VolunteerRole.ListItemMaxLength]);
        }

        if (mayNotDo.Count > VolunteerRole.ListMaxItems || mayNotDo.Any(i => i.Length > VolunteerRole.ListItemMaxLength))
        {
            ModelState.AddModelError("Input.MayNotDo", t["Høyst {0} punkter på høyst {1} tegn.", VolunteerRole.ListMaxItems, VolunteerRole.ListItemMaxLength]);
        }

        var staffEmails = VolunteerRole.Clean(Input.StaffEmails.Split('\n'));
        if (staffEmails.Count > VolunteerRole.MaxStaff || staffEmails.Any(e => !EmailAddresses.IsValid(e)))
        {
            ModelState.AddModelError("Input.StaffEmails", t["Skriv høyst {0} gyldige e-postadresser, én per linje.", VolunteerRole.MaxStaff]);
        }

        if (Input.Modules.Count > 20 || Input.Modules.Any(m => m is null || !content.Modules.ContainsKey(m)))
        {
            ModelState.AddModelError("Input.Modules", t["Velg opplæring fra listen."]);
        }

        if (!VolunteerLabels.TryParseDays(Input.Days, out var days))
        {
            ModelState.AddModelError("Input.Days", t["Velg dager fra listen."]);
        }

        if (!VolunteerLabels.TryParseTimes(Input.Times, out var times))
        {
            ModelState.AddModelError("Input.Times", t["Velg tider fra listen."]);
        }

        if (!ModelState.IsValid || mayDo.Count == 0 || mayNotDo.Count == 0)
        {
            return null;
        }

        var details = new RoleDetails(Input.Title, Input.Description, Input.TaskKind, activityId, districtId, Input.Place, mayDo, mayNotDo, Input.ContactName, Input.ContactEmail,
            Input.StaffNames, staffEmails, Input.ExpectedTime, Input.Modules, Input.NeedsDeclaration, Input.InvolvesTrust, Input.Languages, days, times);
        try
        {
            VolunteerRole.Check(details);
            return details;
        }
        catch (ArgumentException)
        {
            // The form's own checks come first; the model's rules are the last word.
            ModelState.AddModelError(string.Empty, t["Rollen trenger tittel, beskrivelse, begge listene, kontaktperson, ansatt og bydel eller aktivitet."]);
            return null;
        }
    }

    private async Task<bool> LoadAsync(int orgId, int? id, CancellationToken ct)
    {
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        if (id is { } roleId)
        {
            Role = await db.VolunteerRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roleId && r.OrganisationId == orgId, ct);
            if (Role is null)
            {
                return false;
            }
        }

        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        Activities = [.. (await db.Activities.AsNoTracking().Where(a => a.OrganisationId == orgId && a.Status != ActivityStatus.Cancelled)
            .OrderBy(a => a.Title).Select(a => new { a.Id, a.Title }).ToListAsync(ct)).Select(a => (a.Id, a.Title))];
        return true;
    }
}
