using System.Globalization;
using Frivillig.Web.Auth;
using Frivillig.Web.Features.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

[Authorize]
public sealed class OrganisationActivitiesModel(FrivilligDbContext db, CurrentUser me) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<Activity> Activities { get; private set; } = [];
    public string Slug => db.Tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int orgId, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (organisation is null)
        {
            return NotFound();
        }

        if (await me.RoleInAsync(orgId, ct) is null)
        {
            return Forbid();
        }

        Organisation = organisation;
        Activities = await db.Activities.AsNoTracking().Where(a => a.OrganisationId == orgId).OrderByDescending(a => a.StartsAt).ToListAsync(ct);
        return Page();
    }

    public string LocalText(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, ActivityCalendar.Zone(db.Tenant.Required)).ToString("d. MMM yyyy HH:mm", CultureInfo.GetCultureInfo("nb-NO"));
}
