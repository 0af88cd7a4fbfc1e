using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities.Manage;

/// <summary>Who signed up, for which date, and who waits.</summary>
public sealed class SignUpsModel(FrivilligDbContext db, MunicipalClock clock) : ManageActivityPage(db, clock)
{
    public IReadOnlyList<SignUp> SignUps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        SignUps = await Db.SignUps.AsNoTracking().Where(s => s.ActivityId == Activity!.Id && s.Status != SignUpStatus.Cancelled)
            .OrderBy(s => s.OccurrenceStart).ThenBy(s => s.CreatedAt).ToListAsync(ct);
}
