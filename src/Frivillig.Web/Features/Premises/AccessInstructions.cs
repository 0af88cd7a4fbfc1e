using Frivillig.Model.Premises;
using Frivillig.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises;

public sealed class AccessInstructionsOptions
{
    /// <summary>How long before each date the access instructions are mailed (Frivillig:Premises:AccessInstructionsLead).</summary>
    public TimeSpan AccessInstructionsLead { get; set; } = TimeSpan.FromHours(48);
}

/// <summary>
/// Mails each approved booking date's contact the building's access instructions (key, code,
/// caretaker) a set time before it begins, once per date, through the outbox. Runs on the app's
/// <see cref="TimeProvider"/>, so tests move time forward and see the mail arrive.
/// </summary>
public sealed class AccessInstructionsSender(IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<AccessInstructionsOptions> options,
    ILogger<AccessInstructionsSender> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SendDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Queuing access instructions failed; it will try again.");
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Queues the instructions for every approved date that starts within the lead time and has none yet; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        var templates = scope.ServiceProvider.GetRequiredService<EmailTemplates>();
        using var system = db.Tenant.EnterSystemScope();
        var now = time.GetUtcNow();
        var until = now + options.Value.AccessInstructionsLead;
        var due = await db.BookingDates.AsNoTracking()
            .Where(d => d.AccessMailedAt == null && !d.Cancelled && d.StartsAt > now && d.StartsAt <= until)
            .Join(db.Bookings.Where(b => b.Status == BookingStatus.Approved && b.ContactEmail != ""), d => d.BookingId, b => b.Id, (d, b) => new { Date = d, Booking = b, b.Room, b.Room!.Building })
            .OrderBy(x => x.Date.StartsAt).Take(500)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var sent = 0;
        // Each date is claimed by a conditional update inside the transaction that queues its mail, so two
        // senders (a test's call and the timer, or two instances) never mail one date twice.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var x in due)
        {
            var dateId = x.Date.Id;
            if (await db.BookingDates.Where(d => d.Id == dateId && d.AccessMailedAt == null).ExecuteUpdateAsync(u => u.SetProperty(d => d.AccessMailedAt, now), ct) == 0)
            {
                continue;
            }

            sent++;
            var clock = MunicipalClock.For(municipalities[x.Date.MunicipalityId], time);
            var rendered = templates.Render("premises-access", new Dictionary<string, string?>
            {
                ["Name"] = x.Booking.ContactName,
                ["Room"] = $"{x.Room!.Name}, {x.Building!.Name}",
                ["Address"] = x.Building.Address.OneLine,
                ["When"] = $"{clock.Text(x.Date.StartsAt, "dddd d. MMMM yyyy 'kl.' HH:mm")}–{clock.Text(x.Date.EndsAt, "HH:mm")}",
                ["Instructions"] = x.Building.AccessInstructions ?? "Ta kontakt med bygget.",
                ["Contact"] = string.Join(", ", new[] { x.Building.ContactName, x.Building.ContactPhone, x.Building.ContactEmail }.Where(s => !string.IsNullOrWhiteSpace(s))),
            });
            db.Outbox.Add(new Model.Email.OutboxMessage
            {
                ToAddress = x.Booking.ContactEmail, ToName = x.Booking.ContactName, Subject = rendered.Subject, TextBody = rendered.Text, HtmlBody = rendered.Html,
                CreatedAt = now, NextAttemptAt = now, MessageId = $"access-{x.Date.Id}-{Guid.NewGuid():N}@frivillig",
            }.Queued());
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return sent;
    }
}
