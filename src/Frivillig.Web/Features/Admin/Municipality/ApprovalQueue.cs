using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Admin;

public sealed record QueueCount(string MunicipalitySlug, string MunicipalityName, int Pending);

/// <summary>Min side for municipality admins: the approval queue of each municipality they administer, with its count, first.</summary>
public sealed class ApprovalQueueViewComponent(FrivilligDbContext db, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var id = me.RequiredId;
        var municipalityIds = await db.MunicipalityRoles.IgnoreQueryFilters().Where(r => r.UserId == id && r.Role == MunicipalityRole.Admin)
            .Select(r => r.MunicipalityId).ToListAsync(ct);
        if (municipalityIds.Count == 0)
        {
            return Content(string.Empty);
        }

        // Counted per municipality the person administers, named in the query.
        var pending = await db.Organisations.IgnoreQueryFilters().Where(o => municipalityIds.Contains(o.MunicipalityId) && o.Status == ApprovalStatus.Pending)
            .GroupBy(o => o.MunicipalityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).OrderBy(m => m.Name).ToListAsync(ct);
        var rows = municipalities.Select(m => new QueueCount(m.Slug, m.Name, pending.FirstOrDefault(p => p.Key == m.Id)?.Count ?? 0)).ToList();
        return View("~/Features/Admin/Municipality/ApprovalQueue.cshtml", rows);
    }
}
