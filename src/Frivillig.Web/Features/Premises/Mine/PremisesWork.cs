using Frivillig.Model.Premises;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Mine;

public sealed record OrganisationBookings(int OrganisationId, string Name, string MunicipalitySlug, int Coming, int Waiting);

public sealed record PremisesWork(IReadOnlyList<OrganisationBookings> Organisations, IReadOnlyList<(string Slug, string Name, int Pending)> Managed);

/// <summary>Min side: the bookings of the person's organisations, and for premises managers the queue waiting.</summary>
public sealed class PremisesWorkViewComponent(FrivilligDbContext db, CurrentUser me, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var id = me.RequiredId;
        var now = time.GetUtcNow();
        // The person's own memberships and roles across municipalities: the filter is lifted with their id in the query.
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == id)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name, m.MunicipalityId }).ToListAsync(ct);
        var managed = await db.MunicipalityRoles.IgnoreQueryFilters().AsNoTracking().Where(r => r.UserId == id && r.Role == MunicipalityRole.PremisesManager)
            .Select(r => r.MunicipalityId).ToListAsync(ct);
        if (memberships.Count == 0 && managed.Count == 0)
        {
            return Content(string.Empty);
        }

        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var orgIds = memberships.Select(m => m.OrganisationId).ToList();
        var counts = await db.Bookings.IgnoreQueryFilters().AsNoTracking().Where(b => orgIds.Contains(b.OrganisationId))
            .Select(b => new { b.OrganisationId, b.Status, Coming = b.Dates.Count(d => !d.Cancelled && d.StartsAt > now) }).ToListAsync(ct);
        var pending = await db.Bookings.IgnoreQueryFilters().AsNoTracking().Where(b => managed.Contains(b.MunicipalityId) && b.Status == BookingStatus.Pending)
            .GroupBy(b => b.MunicipalityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var model = new PremisesWork(
            [.. memberships.Select(m => new OrganisationBookings(m.OrganisationId, m.Name, municipalities[m.MunicipalityId].Slug,
                counts.Where(c => c.OrganisationId == m.OrganisationId && c.Status == BookingStatus.Approved).Sum(c => c.Coming),
                counts.Count(c => c.OrganisationId == m.OrganisationId && c.Status is BookingStatus.Pending or BookingStatus.Applied)))],
            [.. managed.Select(m => (municipalities[m].Slug, municipalities[m].Name, pending.GetValueOrDefault(m)))]);
        return View("~/Features/Premises/Mine/PremisesWork.cshtml", model);
    }
}
