using Frivillig.Web.Auth;
using Frivillig.Web.Features.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Accounts;

public sealed class MyPageModel(FrivilligDbContext db, CurrentUser me, LinkBuilder links,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : FormPageModel
{
    /// <summary>Shown once, right after it is made: only its hash is stored.</summary>
    public Feeds.SubscribeLinks? NewCalendarLink { get; private set; }

    public bool HasCalendarLink { get; private set; }

    /// <summary>Makes the person's own feed address; a new one revokes the old.</summary>
    public async Task<IActionResult> OnPostCalendarLinkAsync(CancellationToken ct)
    {
        var id = me.RequiredId;
        var user = await db.Users.SingleAsync(u => u.Id == id, ct);
        if (user.CalendarTokenHash is not null && !Confirmed)
        {
            // A new address stops the old one in every calendar that subscribes to it: asked first.
            await OnGetAsync(ct);
            return AskToConfirm(t["Lage ny kalenderadresse?"], t["Den gamle adressen slutter å virke, og kalenderprogrammene som abonnerer på den får ikke flere oppdateringer før du legger inn den nye."],
                t["Ja, lag ny adresse"], "/konto#min-kalender");
        }

        var token = Tokens.New();
        user.CalendarTokenHash = Tokens.Hash(token);
        await db.SaveChangesAsync(ct);
        NewCalendarLink = Feeds.SubscribeLinks.For(links, $"/ical/me/{token}.ics");
        await OnGetAsync(ct);
        return Page();
    }

    public string DisplayName => me.DisplayName;
    public IReadOnlyList<MembershipRow> Memberships { get; private set; } = [];
    public IReadOnlyList<RoleRow> MunicipalityRoles { get; private set; } = [];

    public sealed record MembershipRow(int OrganisationId, string OrganisationName, string MunicipalitySlug, string MunicipalityName, OrganisationRole Role, ApprovalStatus Status);

    public sealed record RoleRow(string MunicipalitySlug, string MunicipalityName, MunicipalityRole Role);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = me.RequiredId;
        HasCalendarLink = await db.Users.AnyAsync(u => u.Id == id && u.CalendarTokenHash != null, ct);
        // A person's own rows span municipalities; the filter is lifted only with the owner's id in the query.
        Memberships = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == id)
            .Join(db.Municipalities, m => m.MunicipalityId, k => k.Id, (m, k) => new MembershipRow(
                m.OrganisationId, m.Organisation!.Name, k.Slug, k.Name, m.Role, m.Organisation.Status))
            .ToListAsync(ct);
        MunicipalityRoles = await db.MunicipalityRoles.IgnoreQueryFilters()
            .Where(r => r.UserId == id)
            .Join(db.Municipalities, r => r.MunicipalityId, k => k.Id, (r, k) => new RoleRow(k.Slug, k.Name, r.Role))
            .ToListAsync(ct);
    }
}
