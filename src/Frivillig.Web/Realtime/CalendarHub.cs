using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Realtime;

/// <summary>What a page needs to redraw one activity, and nothing that is not public. Revision is set by the journal.</summary>
public sealed record ActivityChange(string Municipality, int ActivityId, string Kind, int Sequence, string Title,
    IReadOnlyList<DateTimeOffset> NextDates, DateTimeOffset? Date)
{
    public long Revision { get; init; }
}

public sealed record PlacesChange(string Municipality, int ActivityId, DateTimeOffset? Date, int? PlacesLeft)
{
    public long Revision { get; init; }
}

/// <summary>For an organisation's own members: counts only, so nothing personal travels even there.</summary>
public sealed record SignUpsChange(string Municipality, string Organisation, int ActivityId, string Title, int Confirmed, int Waitlisted)
{
    public long Revision { get; init; }
}

/// <summary>The client methods the server calls, with one argument each: the message.</summary>
public static class CalendarMessages
{
    public const string ActivityChanged = nameof(ActivityChanged);
    public const string PlacesChanged = nameof(PlacesChanged);
    public const string SignUpsChanged = nameof(SignUpsChanged);
}

/// <summary>What a page gets back from <see cref="CalendarHub.CatchUp"/>: the newest revision, and whether the replay was whole.</summary>
public sealed record CatchUpResult(long Revision, bool Complete);

/// <summary>
/// Public live calendar. A client follows scopes: "{m}", "{m}/districts/{slug}",
/// "{m}/organisations/{slug}" or "{m}/activities/{id}"; each is checked against the database, so
/// only real public scopes become groups. Each method takes exactly the arguments documented in the
/// README (SignalR clients must send every parameter a method declares). Messages the server sends:
/// ActivityChanged, PlacesChanged and, to members, SignUpsChanged.
/// </summary>
public sealed class CalendarHub(FrivilligDbContext db, MunicipalityDirectory directory) : Hub
{
    public const string Path = "/hubs/calendar";

    /// <summary>The most a catch-up replays; a page away for longer reloads instead.</summary>
    public const int CatchUpLimit = 500;

    /// <summary>Starts following a scope; returns the newest revision, to pass to <see cref="CatchUp"/> after a reconnect.</summary>
    public async Task<long> Follow(string scope)
    {
        var group = await ValidateAsync(scope);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return await db.LiveJournal.MaxAsync(e => (long?)e.Id, Context.ConnectionAborted) ?? 0;
    }

    public async Task Unfollow(string scope)
    {
        var group = await ValidateAsync(scope);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    /// <summary>
    /// Replays to the caller what the scope got after <paramref name="sinceRevision"/>, oldest first.
    /// Complete is false when more was missed than the journal keeps: the page should reload instead.
    /// </summary>
    public async Task<CatchUpResult> CatchUp(string scope, long sinceRevision)
    {
        var group = await ValidateAsync(scope);
        var ct = Context.ConnectionAborted;
        var wrapped = "%|" + group + "|%";
        var missed = await db.LiveJournal.AsNoTracking()
            .Where(e => e.Id > sinceRevision && EF.Functions.Like(e.Groups, wrapped))
            .OrderBy(e => e.Id).Take(CatchUpLimit + 1).ToListAsync(ct);
        var oldest = await db.LiveJournal.MinAsync(e => (long?)e.Id, ct);
        var newest = await db.LiveJournal.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var complete = missed.Count <= CatchUpLimit && (oldest is null || sinceRevision >= oldest.Value - 1 || sinceRevision >= newest);
        foreach (var entry in missed.Take(CatchUpLimit))
        {
            await Clients.Caller.SendAsync(entry.Method, LiveJournal.Body(entry), ct);
        }

        return new CatchUpResult(newest, complete);
    }

    private async Task<string> ValidateAsync(string scope)
    {
        // Scopes are made of slugs and numbers; anything else is refused before it reaches a query.
        if (string.IsNullOrWhiteSpace(scope) || scope.Length > 200 || !scope.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '/'))
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
