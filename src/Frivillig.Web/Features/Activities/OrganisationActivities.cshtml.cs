using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

/// <summary>An organisation's activities, for its members; coordinators and admins create and edit them.</summary>
public sealed class OrganisationActivitiesModel(FrivilligDbContext db, MunicipalClock clock) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<Activity> Activities { get; private set; } = [];
    public string Slug => db.Tenant.Required.Slug;

    public async Task OnGetAsync(int orgId, CancellationToken ct)
    {
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        Activities = await db.Activities.AsNoTracking().Where(a => a.OrganisationId == orgId).OrderByDescending(a => a.StartsAt).ToListAsync(ct);
    }

    public string LocalText(DateTimeOffset instant) => clock.Text(instant, "d. MMM yyyy HH:mm");
}
