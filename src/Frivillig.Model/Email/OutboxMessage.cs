using Frivillig.Model.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frivillig.Model.Email;

/// <summary>
/// A message waiting to be delivered. It is added in the same SaveChanges as the change that
/// caused it, so a rolled-back change sends nothing and a committed one is never lost.
/// </summary>
public sealed class OutboxMessage : EventSource
{
    public const int MaxAttempts = 12;

    public long Id { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>An iTIP part (text/calendar) and its METHOD, when the message carries an invitation.</summary>
    public string? CalendarBody { get; set; }

    public string? CalendarMethod { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Stable Message-ID so a retry after an ambiguous failure is recognisable as the same mail.</summary>
    public required string MessageId { get; set; }

    /// <summary>Marks a new message as waiting; once its change is committed, the sender is woken.</summary>
    public OutboxMessage Queued()
    {
        Raise(new MailQueued(this));
        return this;
    }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Ignore(m => m.PendingEvents);
        builder.Property(m => m.ToAddress).HasMaxLength(254);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.CalendarMethod).HasMaxLength(20);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

public sealed record MailQueued(OutboxMessage Message) : IDomainEvent;
