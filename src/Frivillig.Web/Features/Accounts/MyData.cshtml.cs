using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Frivillig.Web.Auth;

namespace Frivillig.Web.Features.Accounts;

/// <summary>
/// The person's own data: everything every feature holds about them as one JSON file, and deleting
/// the account. Deletion asks first; each feature erases or anonymises its part, then the account
/// goes, in one transaction.
/// </summary>
public sealed class MyDataModel(FrivilligDbContext db, CurrentUser me, UserManager<AppUser> users, IEnumerable<IPersonalDataSource> sources,
    IStringLocalizer<SharedResource> t) : FormPageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == me.RequiredId, ct);
        var export = new Dictionary<string, object?>(StringComparer.Ordinal);
        using (db.Tenant.EnterSystemScope())
        {
            foreach (var source in sources)
            {
                export[source.Name] = await source.ExportAsync(user, ct);
            }
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", "mine-data-frivillig.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!Confirmed)
        {
            return AskToConfirm(t["Slette kontoen din?"], t["Profilen, opplæringen, erklæringene, søknadene og påmeldingene dine slettes. Timer du har vært frivillig, blir stående som anonyme tall hos organisasjonene. Dette kan ikke angres."],
                t["Ja, slett kontoen min"], "/konto/mine-data");
        }

        var user = await users.FindByIdAsync(me.RequiredId);
        if (user is null)
        {
            return NotFound();
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            using (db.Tenant.EnterSystemScope())
            {
                foreach (var source in sources)
                {
                    await source.EraseAsync(user, ct);
                }

                var result = await users.DeleteAsync(user);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("The account could not be deleted: " + string.Join(", ", result.Errors.Select(e => e.Code)));
                }
            }

            await tx.CommitAsync(ct);
        }

        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        TempData["Status"] = t["Kontoen din er slettet."].Value;
        return Redirect("/");
    }
}
