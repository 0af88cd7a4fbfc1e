using Frivillig.Web.Data;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Municipalities;

public sealed class HomeModel(FrivilligDbContext db) : PageModel
{
    public Municipality Municipality => db.Tenant.Required;
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.Status == ApprovalStatus.Approved).OrderBy(o => o.Name).ToListAsync(ct);
    }
}
