using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

public sealed record MyApplication(string MunicipalitySlug, int RoleId, string RoleTitle, string Organisation, ApplicationStatus Status);

public sealed record MyShift(string MunicipalitySlug, int ShiftId, string RoleTitle, string When, ShiftSignUpStatus Status, bool CheckedIn);

/// <summary>Hours per organisation: approved, and recorded but waiting for the coordinator.</summary>
public sealed record MyHours(string Municipality, string Organisation, decimal Approved, decimal Waiting, int Shifts);

/// <summary>An organisation the person coordinates, with the applications waiting there.</summary>
public sealed record MyCoordination(string MunicipalitySlug, int OrganisationId, string Organisation, int Waiting);

public sealed record MyVolunteeringView(IReadOnlyList<MyApplication> Applications, IReadOnlyList<MyShift> Shifts, IReadOnlyList<MyHours> Hours)
{
    public IReadOnlyList<MyCoordination> Coordinates { get; init; } = [];
}

/// <summary>
/// Min side: the person's applications, coming shifts and hours per organisation, in every
/// municipality. Their own rows: the filter is lifted with their id in each query.
/// </summary>
public sealed class MyVolunteeringViewComponent(FrivilligDbContext db, CurrentUser me, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var id = me.RequiredId;
        var view = await ReadAsync(db, id, time, ct);
        // The organisations the person coordinates, in any municipality: where they manage volunteers.
        var coordinates = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == id && (m.Role == OrganisationRole.Coordinator || m.Role == OrganisationRole.Admin) && m.Organisation!.Status == ApprovalStatus.Approved)
            .Join(db.Municipalities, m => m.MunicipalityId, k => k.Id, (m, k) => new MyCoordination(k.Slug, m.OrganisationId, m.Organisation!.Name,
                db.RoleApplications.IgnoreQueryFilters().Count(a => a.MunicipalityId == m.MunicipalityId && a.Role!.OrganisationId == m.OrganisationId && a.Status == ApplicationStatus.Applied)))
            .ToListAsync(ct);
        return View("~/Features/Volunteering/MyVolunteering.cshtml", view with { Coordinates = coordinates });
    }

    public static async Task<MyVolunteeringView> ReadAsync(FrivilligDbContext db, string userId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var applications = await db.RoleApplications.IgnoreQueryFilters().AsNoTracking().Where(a => a.UserId == userId && a.Status != ApplicationStatus.Withdrawn)
            .OrderByDescending(a => a.AppliedAt)
            .Select(a => new { a.MunicipalityId, a.RoleId, a.Role!.Title, Organisation = a.Role.Organisation!.Name, a.Status }).ToListAsync(ct);
        var shifts = await db.ShiftSignUps.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.UserId == userId && s.Status != ShiftSignUpStatus.Cancelled && !s.Shift!.Cancelled && s.Shift.EndsAt > now)
            .OrderBy(s => s.Shift!.StartsAt)
            .Select(s => new { s.MunicipalityId, s.ShiftId, s.Shift!.Role!.Title, s.Shift.StartsAt, s.Status, s.CheckedInAt }).Take(20).ToListAsync(ct);
        var hours = await db.ShiftSignUps.IgnoreQueryFilters().AsNoTracking().Where(s => s.UserId == userId && s.Hours != null)
            .Select(s => new { s.MunicipalityId, Organisation = s.Shift!.Role!.Organisation!.Name, s.Hours, Approved = s.HoursApprovedAt != null }).ToListAsync(ct);
        return new MyVolunteeringView(
            [.. applications.Select(a => new MyApplication(municipalities[a.MunicipalityId].Slug, a.RoleId, a.Title, a.Organisation, a.Status))],
            [.. shifts.Select(s => new MyShift(municipalities[s.MunicipalityId].Slug, s.ShiftId, s.Title,
                MunicipalClock.For(municipalities[s.MunicipalityId], time).Text(s.StartsAt, "dddd d. MMMM 'kl.' HH:mm"), s.Status, s.CheckedInAt is not null))],
            [.. hours.GroupBy(h => (h.MunicipalityId, h.Organisation)).OrderBy(g => g.Key.Organisation, StringComparer.Ordinal)
                .Select(g => new MyHours(municipalities[g.Key.MunicipalityId].Name, g.Key.Organisation, g.Where(h => h.Approved).Sum(h => h.Hours!.Value),
                    g.Where(h => !h.Approved).Sum(h => h.Hours!.Value), g.Count()))]);
    }
}
