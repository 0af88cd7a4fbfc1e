using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities.Manage;

/// <summary>
/// What every page of an activity's management shares: the organisation from the route and, when the
/// route has an id, that organisation's activity (another organisation's id is simply not found).
/// Who may come here is the folder's policy (coordinators and admins of the organisation).
/// </summary>
public abstract class ManageActivityPage(FrivilligDbContext db, MunicipalClock clock) : FormPageModel
{
    public Organisation Organisation { get; private set; } = default!;
    public Activity? Activity { get; private set; }
    public MunicipalClock Clock => clock;

    protected FrivilligDbContext Db => db;
    public string Slug => db.Tenant.Required.Slug;
    public string ListPath => $"/{Slug}/organisasjoner/{Organisation.Id}/aktiviteter";
    public string ActivityPath => $"{ListPath}/{Activity?.Id}";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var ct = HttpContext.RequestAborted;
        var orgId = int.Parse((string)RouteData.Values["orgId"]!, CultureInfo.InvariantCulture);
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        if (RouteData.Values["id"] is string idText)
        {
            var id = int.Parse(idText, CultureInfo.InvariantCulture);
            Activity = await db.Activities.Include(a => a.DateChanges).SingleOrDefaultAsync(a => a.Id == id && a.OrganisationId == orgId, ct);
            if (Activity is null)
            {
                context.Result = NotFound();
                return;
            }
        }

        await next();
    }

    public string LocalText(DateTimeOffset instant, string format) => clock.Text(instant, format);
}
