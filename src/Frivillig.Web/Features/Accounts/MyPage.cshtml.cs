using Frivillig.Web.Auth;
using Frivillig.Web.Data;
using Frivillig.Web.Features.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Accounts;

[Authorize]
public sealed class MyPageModel(FrivilligDbContext db, CurrentUser me) : PageModel
{
    public string DisplayName => me.DisplayName;
    public IReadOnlyList<MembershipRow> Memberships { get; private set; } = [];
    public IReadOnlyList<RoleRow> MunicipalityRoles { get; private set; } = [];

    public sealed record MembershipRow(int OrganisationId, string OrganisationName, string MunicipalitySlug, string MunicipalityName, OrganisationRole Role, ApprovalStatus Status);

    public sealed record RoleRow(string MunicipalitySlug, string MunicipalityName, MunicipalityRole Role);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = me.RequiredId;
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
