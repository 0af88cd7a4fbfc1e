using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Realtime;

/// <summary>
/// A kind of scope a feature offers on the live calendar, "{m}/{Kind}/{key}", and how to tell that
/// the key exists (and that the caller may follow it: a members' scope throws a HubException for
/// anyone else). Added by the feature's module with <see cref="LiveScopes.AddHubScope"/>.
/// </summary>
public sealed record HubScope(string Kind, Func<FrivilligDbContext, string, HubCallerContext, Task<bool>> ExistsAsync);

public static class LiveScopes
{
    public static IServiceCollection AddHubScope(this IServiceCollection services, HubScope scope) => services.AddSingleton(scope);
}

/// <summary>What a page gets back from <see cref="CalendarHub.CatchUp"/>: the newest revision, and whether the replay was whole.</summary>
public sealed record CatchUpResult(long Revision, bool Complete);

/// <summary>
/// The live calendar. A client follows scopes: "{m}" or "{m}/{kind}/{key}" with the kinds the
/// features offer (districts, organisations, activities, members...); each is checked against the
/// database, so only real scopes become groups. Each method takes exactly the arguments documented in
/// the README (SignalR clients must send every parameter a method declares). The features send the
/// messages, through <see cref="LiveJournal"/>.
/// </summary>
public sealed class CalendarHub(FrivilligDbContext db, MunicipalityDirectory directory, IEnumerable<HubScope> scopes, LiveJournal journal) : Hub
{
    public const string Path = "/hubs/calendar";

    /// <summary>The most a catch-up replays; a page away for longer reloads instead.</summary>
    public const int CatchUpLimit = 500;

    /// <summary>Starts following a scope; returns the newest revision, to pass to <see cref="CatchUp"/> after a reconnect.</summary>
    public async Task<long> Follow(string scope)
    {
        var group = await ValidateAsync(scope);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return await NewestAsync(Context.ConnectionAborted);
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
        // Revisions are numbered across all municipalities and pruned by age across all of them: the
        // replay is whole when nothing after the revision asked for has been pruned.
        var oldest = await db.LiveJournal.IgnoreQueryFilters().MinAsync(e => (long?)e.Id, ct);
        var newest = await NewestAsync(ct);
        var complete = missed.Count <= CatchUpLimit && (oldest is null || sinceRevision >= oldest.Value - 1);
        foreach (var entry in missed.Take(CatchUpLimit))
        {
            await Clients.Caller.SendAsync(entry.Method, LiveJournal.Body(entry), ct);
        }

        return new CatchUpResult(newest, complete);
    }

    private async Task<long> NewestAsync(CancellationToken ct) => await journal.NewestAsync(db, ct);

    private async Task<string> ValidateAsync(string scope)
    {
        var kinds = string.Join(", ", scopes.Select(s => "{kommune}/" + s.Kind + "/…"));
        // Scopes are made of slugs and numbers; anything else is refused before it reaches a query.
        if (string.IsNullOrWhiteSpace(scope) || scope.Length > 200 || !scope.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '/'))
        {
            throw new HubException($"Ugyldig scope: bruk {{kommune}} eller {kinds}.");
        }

        var parts = scope.Split('/');
        var municipality = await directory.FindAsync(parts[0], Context.ConnectionAborted)
            ?? throw new HubException($"Ukjent kommune i scope «{Clip(parts[0])}».");
        db.Tenant.Set(municipality);
        if (parts.Length == 1)
        {
            return Group(municipality.Slug);
        }

        if (parts.Length != 3 || scopes.FirstOrDefault(s => s.Kind == parts[1]) is not { } kind)
        {
            throw new HubException($"Ugyldig scope: bruk {{kommune}} eller {kinds}.");
        }

        return await kind.ExistsAsync(db, parts[2], Context) ? Group(municipality.Slug, parts[1], parts[2])
            : throw new HubException($"Scope «{Clip(scope)}» finnes ikke.");
    }

    public static string Group(string municipality, string? kind = null, string? key = null) =>
        kind is null ? $"calendar:{municipality.ToLowerInvariant()}" : $"calendar:{municipality.ToLowerInvariant()}/{kind}/{key}";

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
