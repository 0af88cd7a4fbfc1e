using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Frivillig.Web.Email;

/// <summary>
/// Delivers queued mail with exponential backoff. A message is marked sent only after the server
/// accepted it; a crash between acceptance and marking could resend once, so the Message-ID is
/// stable and receivers can deduplicate.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider time,
    IOptions<FrivilligOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DeliverDueAsync(stoppingToken);
                if (delivered > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox sender failed; it will try again.");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(Math.Min(2, options.Value.Smtp.RetryBaseSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        var delivery = scope.ServiceProvider.GetRequiredService<IMailDelivery>();
        var now = time.GetUtcNow();
        var due = await db.Outbox
            .Where(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Take(20)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var message in due)
        {
            MimeMessage mime;
            try
            {
                mime = ToMime(message, options.Value.Smtp.From);
            }
            catch (ParseException ex)
            {
                // An address MimeKit cannot read will not improve with retries: give up on this one at once.
                message.Attempts = OutboxMessage.MaxAttempts;
                message.LastError = "Ugyldig adresse: " + ex.Message;
                logger.LogWarning("Mail {MessageId} cannot be sent: {Error}", message.MessageId, ex.Message);
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            try
            {
                await delivery.DeliverAsync(mime, cancellationToken);
                message.SentAt = time.GetUtcNow();
                message.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                var backoff = TimeSpan.FromSeconds(Math.Min(3600, options.Value.Smtp.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1)));
                message.NextAttemptAt = time.GetUtcNow() + backoff;
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning("Mail {MessageId} to the outbox failed (attempt {Attempts}): {Error}", message.MessageId, message.Attempts, ex.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    internal static MimeMessage ToMime(OutboxMessage message, string from)
    {
        var mime = new MimeMessage { MessageId = message.MessageId, Subject = message.Subject, Date = message.CreatedAt };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));

        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = message.TextBody },
            new TextPart("html") { Text = message.HtmlBody },
        };
        if (message.CalendarBody is not null)
        {
            var calendar = new TextPart("calendar") { Text = message.CalendarBody };
            calendar.ContentType.Parameters.Add("method", message.CalendarMethod ?? "REQUEST");
            calendar.ContentType.Charset = "utf-8";
            alternative.Add(calendar);
        }

        mime.Body = alternative;
        // Quoted-printable or base64 where needed, so the message is valid to any server and any reader of the .eml.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }
}
