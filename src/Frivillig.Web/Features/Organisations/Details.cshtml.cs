using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Organisations;

/// <summary>An organisation's public page; its members see the member list, its admins a link to invite more.</summary>
public sealed class DetailsModel(FrivilligDbContext db, CurrentUser me, Calendar.ActivityCalendar calendar, MunicipalClock clock, LinkBuilder links) : PageModel
{
    public Organisation Organisation { get; private set; } = default!;

    /// <summary>The organisation's coming dates, the next eight weeks, at most twenty.</summary>
    public IReadOnlyList<Calendar.CalendarItem> Upcoming { get; private set; } = [];
    public LinkBuilder Links => links;
    public MunicipalClock Clock => clock;
    public IReadOnlyList<string> DistrictNames { get; private set; } = [];
    public OrganisationRole? MyRole { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public sealed record MemberRow(string Name, string? Email, OrganisationRole Role);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Pending and rejected organisations are visible only to their members and the municipality's admins.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return false;
        }

        MyRole = await me.RoleInAsync(id, ct);
        if (organisation.Status != ApprovalStatus.Approved && MyRole is null && !await me.IsMunicipalityAdminAsync(ct))
        {
            return false;
        }

        Organisation = organisation;
        if (organisation.Status == ApprovalStatus.Approved)
        {
            var now = clock.Now;
            var items = await calendar.QueryAsync(new Calendar.CalendarFilter(null, null, null, null, null, now, now.AddDays(56), NotEndedBefore: now), ct);
            Upcoming = [.. items.Where(i => i.Activity.OrganisationSlug == organisation.Slug).Take(20)];
        }

        DistrictNames = await db.OrganisationDistricts.Where(d => d.OrganisationId == id).Select(d => d.District!.Name).OrderBy(n => n).ToListAsync(ct);
        if (MyRole is not null)
        {
            Members = await db.Memberships.Where(m => m.OrganisationId == id)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.DisplayName, u.Email, m.Role })
                .OrderBy(m => m.DisplayName)
                .Select(m => new MemberRow(m.DisplayName, m.Email, m.Role))
                .ToListAsync(ct);
        }

        return true;
    }
}
