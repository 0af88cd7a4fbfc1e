using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities.Mine;

public sealed record CoordinatedOrganisation(int Id, string Name, string MunicipalitySlug, ApprovalStatus Status, IReadOnlyList<CoordinatedDate> Next);

/// <summary>One coming date of an activity the person coordinates, with its places.</summary>
public sealed record CoordinatedDate(int ActivityId, string Title, string When, long DateKey, bool Cancelled, bool TakesSignUps, int Confirmed, int Waiting, int? Capacity);

/// <summary>
/// Min side for coordinators and organisation admins: each of their organisations with its next
/// activities over the coming two weeks and how many are signed up, one click from each date's list.
/// </summary>
public sealed class CoordinatorWorkViewComponent(FrivilligDbContext db, CurrentUser me, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var id = me.RequiredId;
        // The person's own memberships across municipalities: the filter is lifted with their id in the query.
        var organisations = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == id && (m.Role == OrganisationRole.Coordinator || m.Role == OrganisationRole.Admin))
            .Select(m => new { m.Organisation!.Id, m.Organisation.Name, m.Organisation.Status, m.MunicipalityId })
            .ToListAsync(ct);
        if (organisations.Count == 0)
        {
            return Content(string.Empty);
        }

        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var ids = organisations.Select(o => o.Id).ToList();
        var now = time.GetUtcNow();
        var until = now.AddDays(14);
        var activities = await db.Activities.IgnoreQueryFilters().AsNoTracking().Include(a => a.DateChanges)
            .Where(a => ids.Contains(a.OrganisationId) && a.Status != ActivityStatus.Draft && a.StartsAt < until && (a.SeriesEndsAt == null || a.SeriesEndsAt > now))
            .ToListAsync(ct);
        var activityIds = activities.Select(a => a.Id).ToList();
        var signUps = await db.SignUps.IgnoreQueryFilters().AsNoTracking().Include(s => s.WaitlistedDates)
            .Where(s => activityIds.Contains(s.ActivityId) && s.Status != SignUpStatus.Cancelled).ToListAsync(ct);

        var result = organisations.OrderBy(o => o.Name).Select(o =>
        {
            var municipality = municipalities[o.MunicipalityId];
            var clock = MunicipalClock.For(municipality, time);
            var dates = activities.Where(a => a.OrganisationId == o.Id)
                .SelectMany(a => a.Occurrences(clock.Zone, now, until).Select(occurrence => (Activity: a, Occurrence: occurrence)))
                .OrderBy(x => x.Occurrence.Start).Take(8)
                .Select(x =>
                {
                    var mine = signUps.Where(s => s.ActivityId == x.Activity.Id && (s.OccurrenceStart == x.Occurrence.OriginalStart || s.IsSeries)).ToList();
                    var confirmed = mine.Count(s => s.HasPlaceOn(x.Occurrence.OriginalStart));
                    return new CoordinatedDate(x.Activity.Id, x.Activity.Title, clock.Text(x.Occurrence.Start, "ddd d. MMM 'kl.' HH:mm"), x.Occurrence.OriginalStart.UtcTicks,
                        x.Occurrence.Cancelled, x.Activity.TakesSignUps, confirmed, mine.Count - confirmed, x.Activity.Capacity);
                }).ToList();
            return new CoordinatedOrganisation(o.Id, o.Name, municipality.Slug, o.Status, dates);
        }).ToList();
        return View("~/Features/Activities/Mine/CoordinatorWork.cshtml", result);
    }
}
