using System.Text.Json;
using System.Text.Json.Nodes;
using Frivillig.Model.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Realtime;

/// <summary>A message for live pages: the groups it goes to, the client method, and its body (serialized as the client sees it).</summary>
public sealed record LiveMessage(int MunicipalityId, IReadOnlyList<string> Groups, string Method, object Body);

/// <summary>
/// Sends messages to live pages and keeps them in the database's journal first, so each gets a
/// revision that keeps growing across restarts, and a page that reconnects can catch up
/// (<see cref="CalendarHub.CatchUp"/>). Entries older than <see cref="Retention"/> are pruned.
/// </summary>
public sealed class LiveJournal(IServiceScopeFactory scopes, IHubContext<CalendarHub> hub, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>SignalR's JSON protocol writes camelCase; the journal keeps the same shape.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTimeOffset _lastPruned = DateTimeOffset.MinValue;

    // The newest revision, kept here so that following a scope costs no database round trip: ten
    // thousand pages opening at once would otherwise queue ten thousand queries (and, on SQLite,
    // hold as many pool threads). This instance's messages raise it as they are sent; those of
    // other instances (behind Redis) are read from the journal at most once a second.
    private long _newest = -1;
    private long _newestReadAt;

    public async ValueTask<long> NewestAsync(FrivilligDbContext db, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _newest) is var newest and >= 0 && time.GetElapsedTime(Volatile.Read(ref _newestReadAt)) < TimeSpan.FromSeconds(1))
        {
            return newest;
        }

        var stored = await db.LiveJournal.IgnoreQueryFilters().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        Raise(stored);
        Volatile.Write(ref _newestReadAt, time.GetTimestamp());
        return Volatile.Read(ref _newest);
    }

    private void Raise(long revision)
    {
        var seen = Volatile.Read(ref _newest);
        while (revision > seen && Interlocked.CompareExchange(ref _newest, revision, seen) is var was && was != seen)
        {
            seen = was;
        }
    }

    public async Task PublishAsync(IReadOnlyList<LiveMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        using var system = db.Tenant.EnterSystemScope();
        var entries = messages.Select(m => new JournalEntry
        {
            MunicipalityId = m.MunicipalityId,
            CreatedAt = now,
            Groups = JournalEntry.WrapGroups(m.Groups),
            Method = m.Method,
            Payload = JsonSerializer.Serialize(m.Body, m.Body.GetType(), Json),
        }).ToList();
        db.LiveJournal.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < messages.Count; i++)
        {
            await hub.Clients.Groups(messages[i].Groups).SendAsync(entries[i].Method, Body(entries[i]), cancellationToken);
        }

        // Raised after sending, so a page that follows meanwhile is told a revision it has been sent.
        Raise(entries.Max(e => e.Id));

        if (now - _lastPruned > TimeSpan.FromHours(1))
        {
            _lastPruned = now;
            var cutoff = now - Retention;
            await db.LiveJournal.Where(e => e.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>The message as the client receives it, with its revision.</summary>
    public static JsonObject Body(JournalEntry entry)
    {
        var body = JsonNode.Parse(entry.Payload)?.AsObject() ?? [];
        body["revision"] = entry.Id;
        return body;
    }
}
