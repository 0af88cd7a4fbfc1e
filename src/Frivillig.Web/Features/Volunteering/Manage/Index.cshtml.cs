using Frivillig.Model.Volunteering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering.Manage;

/// <summary>An organisation's volunteer roles, the applications waiting, and the templates to start a new role from.</summary>
public sealed class IndexModel(FrivilligDbContext db, VolunteerContent content) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<RoleSummary> Roles { get; private set; } = [];
    public IReadOnlyList<RoleTemplate> Templates => content.Templates;

    public sealed record RoleSummary(int Id, string Title, RoleStatus Status, int Waiting, int Approved);

    public async Task OnGetAsync(int orgId, CancellationToken ct)
    {
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        Roles = await db.VolunteerRoles.AsNoTracking().Where(r => r.OrganisationId == orgId).OrderBy(r => r.Title)
            .Select(r => new RoleSummary(r.Id, r.Title, r.Status,
                db.RoleApplications.Count(a => a.RoleId == r.Id && a.Status == ApplicationStatus.Applied),
                db.RoleApplications.Count(a => a.RoleId == r.Id && a.Status == ApplicationStatus.Approved)))
            .ToListAsync(ct);
    }
}
