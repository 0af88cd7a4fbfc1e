using Microsoft.AspNetCore.Mvc;
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
        Activity!.Cancel(Clock.Now);
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

        Activity.Delete();
        Db.Activities.Remove(Activity);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = t["Aktiviteten er slettet."].Value;
        return Redirect(ListPath);
    }
}
