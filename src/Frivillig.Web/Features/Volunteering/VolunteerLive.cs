using System.Globalization;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Realtime;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// Places left on a shift, for the open pages of its role. It carries counts and times only: never a
/// name, never a briefing. The method name is the one live pages already redraw on.
/// </summary>
public sealed record ShiftPlacesChange(string Municipality, int RoleId, int ShiftId, DateTimeOffset Date, int? PlacesLeft, bool Cancelled)
{
    public long Revision { get; init; }
}

internal sealed class VolunteerLive(FrivilligDbContext db, LiveJournal journal, MunicipalityDirectory directory)
    : IAfterCommitHandler<ShiftChanged>, IAfterCommitHandler<ShiftSignUpChanged>
{
    public const string Scope = "roles";

    public Task HandleAsync(IReadOnlyList<ShiftChanged> events, CancellationToken cancellationToken) =>
        PublishAsync(events.Select(e => e.Shift.Id), cancellationToken);

    public Task HandleAsync(IReadOnlyList<ShiftSignUpChanged> events, CancellationToken cancellationToken) =>
        PublishAsync(events.Select(e => e.SignUp.ShiftId), cancellationToken);

    private async Task PublishAsync(IEnumerable<int> shiftIds, CancellationToken cancellationToken)
    {
        var ids = shiftIds.Distinct().ToList();
        using var system = db.Tenant.EnterSystemScope();
        var shifts = await db.Shifts.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.MunicipalityId, s.RoleId, s.StartsAt, s.Places, s.Cancelled, Taken = db.ShiftSignUps.Count(x => x.ShiftId == s.Id && x.Status == ShiftSignUpStatus.Confirmed) })
            .ToListAsync(cancellationToken);
        var messages = new List<LiveMessage>();
        foreach (var s in shifts)
        {
            if (await directory.FindByIdAsync(s.MunicipalityId, cancellationToken) is not { } municipality)
            {
                continue;
            }

            messages.Add(new LiveMessage(municipality.Id, [CalendarHub.Group(municipality.Slug, Scope, s.RoleId.ToString(CultureInfo.InvariantCulture))],
                "PlacesChanged", new ShiftPlacesChange(municipality.Slug, s.RoleId, s.Id, s.StartsAt, s.Cancelled ? 0 : Math.Max(0, s.Places - s.Taken), s.Cancelled)));
        }

        await journal.PublishAsync(messages, cancellationToken);
    }
}
