using Microsoft.EntityFrameworkCore;
using Frivillig.Web.Hosting;

namespace Frivillig.Web.Email;

/// <summary>Mail holds names, addresses and what people signed up for: it goes 30 days after it was sent (or given up on).</summary>
public sealed class OutboxRetention : IRetentionRule
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    public Task<int> PruneAsync(FrivilligDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeepFor;
        return db.Outbox.Where(m => (m.SentAt != null && m.SentAt < cutoff) || (m.SentAt == null && m.Attempts >= OutboxMessage.MaxAttempts && m.CreatedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
