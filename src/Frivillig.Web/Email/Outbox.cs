
namespace Frivillig.Web.Email;

/// <summary>
/// Queues mail on the DbContext's unit of work. Nothing is sent until the caller's SaveChanges
/// commits; the sender is nudged afterwards through <see cref="OutboxSignal"/>.
/// </summary>
public sealed class Outbox(FrivilligDbContext db, EmailTemplates templates, TimeProvider time)
{
    public void Enqueue(string toAddress, string? toName, string template, IReadOnlyDictionary<string, string?> values,
        string? calendarBody = null, string? calendarMethod = null)
    {
        var rendered = templates.Render(template, values);
        var now = time.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            ToAddress = toAddress,
            ToName = toName,
            Subject = rendered.Subject,
            TextBody = rendered.Text,
            HtmlBody = rendered.Html,
            CalendarBody = calendarBody,
            CalendarMethod = calendarMethod,
            CreatedAt = now,
            NextAttemptAt = now,
            MessageId = $"{Guid.NewGuid():N}@frivillig",
        }.Queued());
    }
}

/// <summary>Wakes the background sender; a queued message's commit does it (<see cref="WakeOnQueued"/>).</summary>
public sealed class OutboxSignal
{
    // One pending wake-up is enough: the sender drains everything due each time it wakes.
    private readonly System.Threading.Channels.Channel<bool> _wake =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: the sender polls anyway, for retries that have come due.
        }
    }

    /// <summary>Mail queued in a change that is now committed: the sender can take it.</summary>
    public sealed class WakeOnQueued(OutboxSignal signal) : IAfterCommitHandler<MailQueued>
    {
        public Task HandleAsync(IReadOnlyList<MailQueued> events, CancellationToken cancellationToken)
        {
            signal.Wake();
            return Task.CompletedTask;
        }
    }
}
