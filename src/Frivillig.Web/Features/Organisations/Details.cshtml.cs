using System.ComponentModel.DataAnnotations;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Organisations;

public sealed class DetailsModel(FrivilligDbContext db, CurrentUser me, Email.Outbox outbox, LinkBuilder links, TimeProvider time,
    IStringLocalizer<SharedResource> t) : FormPageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<string> DistrictNames { get; private set; } = [];
    public OrganisationRole? MyRole { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public sealed record MemberRow(string Name, string? Email, OrganisationRole Role);

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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (MyRole != OrganisationRole.Admin)
        {
            return me.IsAuthenticated ? Forbid() : Challenge();
        }

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
        db.Invitations.Add(new Invitation
        {
            OrganisationId = Organisation.Id,
            Email = Invite.Email.Trim(),
            Role = Invite.Role,
            TokenHash = Tokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(14),
            InvitedByUserId = me.RequiredId,
        });
        outbox.Enqueue(Invite.Email.Trim(), null, "member-invitation", new Dictionary<string, string?>
        {
            ["InvitedBy"] = me.DisplayName,
            ["Role"] = t[OrganisationKinds.Label(Invite.Role)],
            ["OrganisationName"] = Organisation.Name,
            ["MunicipalityName"] = db.Tenant.Required.Name,
            ["AcceptUrl"] = links.Absolute($"/konto/invitasjon/{token}"),
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Invitasjonen er sendt til {0}.", Invite.Email.Trim()].Value;
        return Redirect($"/{db.Tenant.Required.Slug}/organisasjoner/{id}#medlemmer");
    }

    /// <summary>Pending and rejected organisations are visible only to their members and the municipality's admins.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return false;
        }

        MyRole = await me.RoleInAsync(id, ct);
        if (organisation.Status != ApprovalStatus.Approved && MyRole is null && !await me.IsMunicipalityAdminAsync(ct))
        {
            return false;
        }

        Organisation = organisation;
        DistrictNames = await db.OrganisationDistricts.Where(d => d.OrganisationId == id).Select(d => d.District!.Name).OrderBy(n => n).ToListAsync(ct);
        if (MyRole is not null)
        {
            Members = await db.Memberships.Where(m => m.OrganisationId == id)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.DisplayName, u.Email, m.Role })
                .OrderBy(m => m.DisplayName)
                .Select(m => new MemberRow(m.DisplayName, m.Email, m.Role))
                .ToListAsync(ct);
        }

        return true;
    }
}
