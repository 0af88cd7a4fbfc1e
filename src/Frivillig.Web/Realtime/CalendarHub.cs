using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Realtime;

/// <summary>What a page needs to redraw one activity, and nothing that is not public.</summary>
public sealed record ActivityChange(long Revision, string Municipality, int ActivityId, string Kind, int Sequence, string Title,
    IReadOnlyList<DateTimeOffset> NextDates, DateTimeOffset? Date);

public sealed record PlacesChange(long Revision, string Municipality, int ActivityId, DateTimeOffset? Date, int? PlacesLeft);

/// <summary>For an organisation's own members: counts only, so nothing personal travels even there.</summary>
public sealed record SignUpsChange(long Revision, string Municipality, string Organisation, int ActivityId, string Title, int Confirmed, int Waitlisted);

public interface ICalendarClient
{
    Task ActivityChanged(ActivityChange change);

    Task PlacesChanged(PlacesChange change);

    Task SignUpsChanged(SignUpsChange change);
}

/// <summary>
/// Public live calendar. A client follows scopes: "{m}", "{m}/districts/{slug}",
/// "{m}/organisations/{slug}" or "{m}/activities/{id}"; each is checked against the database, so
/// only real public scopes become groups. Following with the last revision seen replays what was missed.
/// </summary>
public sealed class CalendarHub(FrivilligDbContext db, MunicipalityDirectory directory, ChangeJournal journal) : Hub<ICalendarClient>
{
    public const string Path = "/hubs/calendar";

    public async Task<long> Follow(string scope, long? sinceRevision = null)
    {
        var group = await ValidateAsync(scope);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        if (sinceRevision is { } since)
        {
            foreach (var missed in journal.Since(group, since))
            {
                await (missed switch
                {
                    ActivityChange a => Clients.Caller.ActivityChanged(a),
                    PlacesChange p => Clients.Caller.PlacesChanged(p),
                    SignUpsChange u => Clients.Caller.SignUpsChanged(u),
                    _ => Task.CompletedTask,
                });
            }
        }

        return journal.Revision;
    }

    public async Task Unfollow(string scope)
    {
        var group = await ValidateAsync(scope);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    private async Task<string> ValidateAsync(string scope)
    {
        if (string.IsNullOrWhiteSpace(scope) || scope.Length > 200)
        {
            throw new HubException("Ugyldig scope: bruk {kommune}, {kommune}/districts/{bydel}, {kommune}/organisations/{organisasjon} eller {kommune}/activities/{id}.");
        }

        var parts = scope.Split('/');
        var municipality = await directory.FindAsync(parts[0], Context.ConnectionAborted)
            ?? throw new HubException($"Ukjent kommune i scope «{Clip(parts[0])}».");
        db.Tenant.Set(municipality);
        var known = parts switch
        {
            [_] => true,
            [_, "districts", var slug] => await db.Districts.AnyAsync(d => d.Slug == slug),
            [_, "organisations", var slug] => await db.Organisations.AnyAsync(o => o.Slug == slug && o.Status == ApprovalStatus.Approved),
            [_, "members", var slug] => await IsMemberAsync(slug),
            [_, "activities", var id] => int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && await db.Activities.AnyAsync(a => a.Id == n && a.Status != ActivityStatus.Draft),
            _ => throw new HubException("Ugyldig scope: bruk {kommune}, {kommune}/districts/{bydel}, {kommune}/organisations/{organisasjon} eller {kommune}/activities/{id}."),
        };
        return known ? Group(municipality.Slug, parts.Length == 1 ? null : parts[1], parts.Length == 1 ? null : parts[2])
            : throw new HubException($"Scope «{Clip(scope)}» finnes ikke.");
    }

    /// <summary>Members' groups need a signed-in member of that organisation; anyone else is refused.</summary>
    private async Task<bool> IsMemberAsync(string organisationSlug)
    {
        var userId = Context.User?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (userId is null || !await db.Memberships.AnyAsync(m => m.UserId == userId && m.Organisation!.Slug == organisationSlug))
        {
            throw new HubException("Bare medlemmer av organisasjonen kan følge dette scope.");
        }

        return true;
    }

    public static string Group(string municipality, string? kind = null, string? key = null) =>
        kind is null ? $"calendar:{municipality.ToLowerInvariant()}" : $"calendar:{municipality.ToLowerInvariant()}/{kind}/{key}";

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
