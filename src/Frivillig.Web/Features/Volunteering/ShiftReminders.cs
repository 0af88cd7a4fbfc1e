using Frivillig.Model.Volunteering;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// Reminds each volunteer with a place of their shift a day before, once; one who said they cannot
/// come has no place and gets none. It waits on the app's <see cref="TimeProvider"/>, so tests move
/// time on instead of waiting.
/// </summary>
public sealed class ShiftReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<ShiftReminders> logger) : BackgroundService
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, time, stoppingToken);
                try
                {
                    await RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Shift reminders failed; they are tried again at the next round.");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One round: queues the reminders that are due; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // One round at a time, so a reminder is never sent twice by two rounds reading the same rows.
        await _round.WaitAsync(cancellationToken);
        try
        {
            return await RoundAsync(cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    private readonly SemaphoreSlim _round = new(1, 1);

    private async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        using var system = db.Tenant.EnterSystemScope();
        var now = time.GetUtcNow();
        var until = now + Ahead;
        var due = await db.ShiftSignUps.Include(s => s.Shift!).ThenInclude(s => s.Role)
            .Where(s => s.Status == ShiftSignUpStatus.Confirmed && s.ReminderSentAt == null && s.UserId != null
                && !s.Shift!.Cancelled && s.Shift.StartsAt > now && s.Shift.StartsAt <= until)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var userIds = due.Select(d => d.UserId!).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        var mail = scope.ServiceProvider.GetRequiredService<VolunteerMail>();
        foreach (var signUp in due)
        {
            var user = users[signUp.UserId!];
            var municipality = municipalities[signUp.MunicipalityId];
            if (user.Email is not null)
            {
                mail.Reminder(user.Email, user.DisplayName, signUp.Shift!.Role!, signUp.Shift, MunicipalClock.For(municipality, time), municipality.Slug);
            }

            signUp.Reminded(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
