using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Activities.Manage;

/// <summary>Cancelling the whole activity (it stays visible as cancelled, and those signed up are told), or deleting a draft or a cancelled one.</summary>
public sealed class CancelModel(FrivilligDbContext db, MunicipalClock clock, SignUpMail mail, IStringLocalizer<SharedResource> t)
    : ManageActivityPage(db, clock)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCancelActivityAsync(CancellationToken ct)
    {
        if (Activity!.Status == ActivityStatus.Cancelled)
        {
            return Redirect(ActivityPath);
        }

        if (!Confirmed)
        {
            var signedUp = await Db.SignUps.CountAsync(s => s.ActivityId == Activity.Id && s.Status != SignUpStatus.Cancelled, ct);
            return AskToConfirm(t["Avlyse hele «{0}»?", Activity.Title],
                t["Alle datoene vises som avlyst i kalenderen. {0} påmeldte får e-post om det. En avlysning kan ikke angres.", signedUp],
                t["Ja, avlys hele aktiviteten"], ActivityPath + "/avlys");
        }

        Activity.Cancel(Clock.Now);
        await mail.NotifyAsync(Activity, "activity-cancelled", "CANCEL", _ => true, ct);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = t["Aktiviteten er avlyst. Den vises fortsatt som avlyst i kalenderen."].Value;
        return Redirect(ActivityPath);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!Activity!.CanBeDeleted)
        {
            ModelState.AddModelError(string.Empty, t["Avlys aktiviteten før du sletter den, så de som har planlagt å komme får vite det."]);
            return Page();
        }

        if (!Confirmed)
        {
            return AskToConfirm(t["Slette «{0}»?", Activity.Title], t["Aktiviteten og påmeldingene til den slettes for godt. Dette kan ikke angres."],
                t["Ja, slett aktiviteten"], ActivityPath + "/avlys");
        }

        Activity.Delete();
        Db.Activities.Remove(Activity);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = t["Aktiviteten er slettet."].Value;
        return Redirect(ListPath);
    }
}
