using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Organisations;

public sealed class ListModel(FrivilligDbContext db) : PageModel
{
    public string MunicipalitySlug => db.Tenant.Required.Slug;
    public string MunicipalityName => db.Tenant.Required.Name;
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.Status == ApprovalStatus.Approved).OrderBy(o => o.Name).ToListAsync(ct);
}
