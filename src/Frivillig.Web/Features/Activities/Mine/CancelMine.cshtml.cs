using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities.Mine;

/// <summary>
/// Cancelling one's own sign-up from Min side: the page is the question, its button the answer. Only a
/// sign-up made with the signed-in person's confirmed address is found; any other id is simply not there.
/// </summary>
[Authorize]
public sealed class CancelMineModel(FrivilligDbContext db, CurrentUser me, SignUpMail mail, MunicipalClock clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : FormPageModel
{
    public SignUp SignUp { get; private set; } = default!;
    public string When { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int signUpId, CancellationToken ct) => await LoadAsync(signUpId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int signUpId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LoadAsync(signUpId, ct))
        {
            return NotFound();
        }

        var activity = await db.Activities.Include(a => a.DateChanges).Include(a => a.Organisation).Include(a => a.District).SingleAsync(a => a.Id == SignUp.ActivityId, ct);
        await mail.SendAsync(SignUp, activity, "signup-cancelled", SignUp.HasPlace ? "CANCEL" : null, ct);
        await mail.SendPromotionsAsync(await Places.CancelAsync(db, SignUp, activity, clock.Zone, clock.Now, ct), activity, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = t["Du er meldt av {0}, {1}.", activity.Title, When].Value;
        return Redirect("/konto#mine-pameldinger");
    }

    private async Task<bool> LoadAsync(int signUpId, CancellationToken ct)
    {
        var id = me.RequiredId;
        var email = await db.Users.Where(u => u.Id == id && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var signUp = email is null ? null : await db.SignUps.Include(s => s.Activity).ThenInclude(a => a!.DateChanges)
            .SingleOrDefaultAsync(s => s.Id == signUpId && s.Email == email && s.Status != SignUpStatus.Cancelled, ct);
        if (signUp is null)
        {
            return false;
        }

        SignUp = signUp;
        When = signUp.OccurrenceStart is { } start ? clock.Text(signUp.Activity!.Find(clock.Zone, start)?.Start ?? start, "dddd d. MMMM 'kl.' HH:mm") : t["alle datoene i serien"];
        return true;
    }
}
