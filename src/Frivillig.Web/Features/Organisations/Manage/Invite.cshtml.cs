using System.ComponentModel.DataAnnotations;
using Frivillig.Web.Auth;
using Frivillig.Web.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Organisations.Manage;

/// <summary>An organisation's admin invites someone by e-mail, with a role. Only its admins reach this page (policy on the folder).</summary>
public sealed class InviteModel(FrivilligDbContext db, CurrentUser me, Outbox outbox, LinkBuilder links, TimeProvider time,
    IStringLocalizer<SharedResource> t) : FormPageModel
{
    public Organisation Organisation { get; private set; } = default!;

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public sealed class InviteInput
    {
        [Display(Name = "E-postadresse")]
        [Required(ErrorMessage = "Skriv e-postadressen til den du vil invitere.")]
        [Email]
        [StringLength(254, ErrorMessage = "E-postadressen kan være høyst {1} tegn.")]
        [NoMarkup]
        public string Email { get; set; } = string.Empty;

        public OrganisationRole Role { get; set; } = OrganisationRole.Member;
    }

    public async Task OnGetAsync(int orgId, CancellationToken ct) =>
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);

    public async Task<IActionResult> OnPostAsync(int orgId, CancellationToken ct)
    {
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        if (!Enum.IsDefined(Invite.Role))
        {
            ModelState.AddModelError("Invite.Role", t["Velg en rolle fra listen."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = Tokens.New();
        var now = time.GetUtcNow();
        var email = Invite.Email.Trim();
        db.Invitations.Add(new Invitation
        {
            OrganisationId = Organisation.Id,
            Email = email,
            Role = Invite.Role,
            TokenHash = Tokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(14),
            InvitedByUserId = me.RequiredId,
        });
        outbox.Enqueue(email, null, "member-invitation", new Dictionary<string, string?>
        {
            ["InvitedBy"] = me.DisplayName,
            ["Role"] = t[OrganisationKinds.Label(Invite.Role)],
            ["OrganisationName"] = Organisation.Name,
            ["MunicipalityName"] = db.Tenant.Required.Name,
            ["AcceptUrl"] = links.Absolute($"/konto/invitasjon/{token}"),
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Invitasjonen er sendt til {0}.", email].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/organisasjoner/{orgId}#medlemmer");
    }
}
