using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering.Manage;

/// <summary>A coordinator writes to every volunteer of a shift, a role or an activity (the approved volunteers of its roles).</summary>
public sealed class MessageModel(FrivilligDbContext db, CurrentUser me, VolunteerMail mail, MunicipalClock clock, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<(string Value, string Label)> Targets { get; private set; } = [];

    [BindProperty]
    public MessageInput Input { get; set; } = new();

    public sealed class MessageInput
    {
        /// <summary>"rolle:12", "vakt:40" or "aktivitet:7".</summary>
        [Required(ErrorMessage = "Velg hvem meldingen skal til.")]
        public string Target { get; set; } = string.Empty;

        [Display(Name = "Emne")]
        [Required(ErrorMessage = "Skriv et emne.")]
        [StringLength(120, ErrorMessage = "Emnet kan være høyst {1} tegn.")]
        [NoMarkup]
        public string Subject { get; set; } = string.Empty;

        [Display(Name = "Melding")]
        [Required(ErrorMessage = "Skriv meldingen.")]
        [StringLength(4000, ErrorMessage = "Meldingen kan være høyst {1} tegn.")]
        [NoMarkup(AllowLineBreaks = true)]
        public string Body { get; set; } = string.Empty;
    }

    public async Task OnGetAsync(int orgId, [FromQuery(Name = "rolle")] int? role, [FromQuery(Name = "vakt")] int? shift, [FromQuery(Name = "aktivitet")] int? activity, CancellationToken ct)
    {
        await LoadAsync(orgId, ct);
        Input.Target = role is { } r ? $"rolle:{r}" : shift is { } s ? $"vakt:{s}" : activity is { } a ? $"aktivitet:{a}" : string.Empty;
    }

    public async Task<IActionResult> OnPostAsync(int orgId, CancellationToken ct)
    {
        await LoadAsync(orgId, ct);
        var target = Targets.FirstOrDefault(x => x.Value == Input.Target);
        if (target.Value is null && !string.IsNullOrEmpty(Input.Target))
        {
            ModelState.AddModelError("Input.Target", t["Velg fra listen."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (kind, idText) = (Input.Target.Split(':')[0], Input.Target.Split(':')[1]);
        var id = int.Parse(idText, CultureInfo.InvariantCulture);
        var userIds = kind switch
        {
            "vakt" => await db.ShiftSignUps.Where(s => s.ShiftId == id && s.UserId != null && s.Status != ShiftSignUpStatus.Cancelled).Select(s => s.UserId!).ToListAsync(ct),
            "rolle" => await db.RoleApplications.Where(a => a.RoleId == id && a.UserId != null && a.Status == ApplicationStatus.Approved).Select(a => a.UserId!).ToListAsync(ct),
            _ => await db.RoleApplications.Where(a => a.Role!.ActivityId == id && a.Role.OrganisationId == orgId && a.UserId != null && a.Status == ApplicationStatus.Approved)
                .Select(a => a.UserId!).ToListAsync(ct),
        };
        var users = await db.Users.Where(u => userIds.Contains(u.Id) && u.Email != null).ToListAsync(ct);
        foreach (var user in users)
        {
            mail.Message(user.Email!, user.DisplayName, Organisation.Name, me.DisplayName, target.Label, Input.Subject.Trim(), Input.Body.Trim());
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Meldingen er sendt til {0} frivillige.", users.Count].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/organisasjoner/{orgId}/frivillig");
    }

    private async Task LoadAsync(int orgId, CancellationToken ct)
    {
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        var now = clock.Now;
        var roles = await db.VolunteerRoles.AsNoTracking().Where(r => r.OrganisationId == orgId).OrderBy(r => r.Title)
            .Select(r => new { r.Id, r.Title, r.ActivityId, Activity = r.Activity != null ? r.Activity.Title : null }).ToListAsync(ct);
        var roleIds = roles.Select(r => r.Id).ToList();
        var shifts = await db.Shifts.AsNoTracking().Where(s => roleIds.Contains(s.RoleId) && s.EndsAt > now && !s.Cancelled).OrderBy(s => s.StartsAt).Take(40)
            .Select(s => new { s.Id, s.RoleId, s.StartsAt }).ToListAsync(ct);
        Targets = [
            .. roles.Select(r => ($"rolle:{r.Id}", t["rollen {0}", r.Title].Value)),
            .. roles.Where(r => r.ActivityId is not null).DistinctBy(r => r.ActivityId).Select(r => ($"aktivitet:{r.ActivityId}", t["aktiviteten {0}", r.Activity!].Value)),
            .. shifts.Select(s => ($"vakt:{s.Id}", t["vakten {0}, {1}", roles.First(r => r.Id == s.RoleId).Title, clock.Text(s.StartsAt, "d. MMM 'kl.' HH:mm")].Value)),
        ];
    }
}
