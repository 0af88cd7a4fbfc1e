using Frivillig.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// The record of who read a briefing is kept a year after the shift, long enough to answer a question
/// about it; then it goes, as the privacy statement says. Hours, applications and declarations stay
/// while the account does.
/// </summary>
internal sealed class BriefingViewRetention : IRetentionRule
{
    public static readonly TimeSpan KeptAfterShift = TimeSpan.FromDays(365);

    public Task<int> PruneAsync(FrivilligDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptAfterShift;
        return db.BriefingViews.Where(v => db.Shifts.Any(s => s.Id == v.ShiftId && s.EndsAt < cutoff)).ExecuteDeleteAsync(cancellationToken);
    }
}
