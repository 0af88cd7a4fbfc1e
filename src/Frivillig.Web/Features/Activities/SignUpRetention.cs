using Microsoft.EntityFrameworkCore;
using Frivillig.Web.Hosting;

namespace Frivillig.Web.Features.Activities;

/// <summary>
/// A sign-up is needed until its date is over: it goes 90 days after the date (a whole-series sign-up
/// 90 days after the series' last date), a cancelled one 90 days after it was cancelled. The privacy
/// statement promises exactly this.
/// </summary>
public sealed class SignUpRetention : IRetentionRule
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(90);

    public async Task<int> PruneAsync(FrivilligDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeepFor;
        return await db.SignUps.Where(s =>
                (s.Status == SignUpStatus.Cancelled && s.CancelledAt < cutoff)
                || (s.OccurrenceStart != null && s.OccurrenceStart < cutoff)
                || (s.OccurrenceStart == null && s.Activity!.SeriesEndsAt != null && s.Activity.SeriesEndsAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
