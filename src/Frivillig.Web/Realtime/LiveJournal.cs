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
