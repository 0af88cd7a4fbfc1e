using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Activities.Manage;

/// <summary>Creates an activity or edits one: its description, place and dates; saved as a draft or published.</summary>
public sealed class EditModel(FrivilligDbContext db, MunicipalClock clock, Catalog catalog, SignUpMail mail, IStringLocalizer<SharedResource> t)
    : ManageActivityPage(db, clock)
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public Catalog Catalog => catalog;
    public IReadOnlyList<District> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadDistrictsAsync(ct);
        Input = Activity is null ? ActivityInput.ForNew(Organisation, Clock) : ActivityInput.From(Activity, Clock);
    }

    public async Task<IActionResult> OnPostSaveAsync(string? intent, CancellationToken ct)
    {
        await LoadDistrictsAsync(ct);
        if (!Organisation.CanAct)
        {
            ModelState.AddModelError(string.Empty, t["Organisasjonen må være godkjent av kommunen før den kan legge ut aktiviteter."]);
            return Page();
        }

        var publish = intent == "publish";
        foreach (var (field, message) in Input.Validate(publish, isNew: Activity is null, catalog, Districts, Clock, t))
        {
            ModelState.AddModelError(field, message);
        }

        var picture = await Input.Picture.ReadAsync("Input.Picture", Activity?.PictureId is not null, ModelState, Clock.Now, t, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A new picture is saved first, for its id, in the same transaction as the activity.
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        if (picture is not null)
        {
            Db.Pictures.Add(picture);
            await Db.SaveChangesAsync(ct);
        }

        var activity = Activity;
        if (activity is null)
        {
            activity = Activity.Draft(Organisation.Id, Input.DistrictId!.Value, Input.Details(), Input.Series(Clock), Clock.Zone, Clock.Now);
            Db.Activities.Add(activity);
        }
        else
        {
            var edit = activity.Edit(Input.DistrictId!.Value, Input.Details(), Input.Series(Clock), Clock.Zone, Clock.Now);
            if (activity.IsPublic && edit.TimeOrPlaceChanged)
            {
                // Those signed up keep their dates at the new time, and hear of it.
                await Places.FollowSeriesAsync(Db, activity, edit.PreviousStart, Clock.Zone, Clock.Now, ct);
                await mail.NotifyAsync(activity, "activity-changed", "REQUEST", _ => true, ct);
            }
        }

        if (picture is not null)
        {
            activity.SetPicture(picture.Id, Input.Picture.Alt, Clock.Now);
        }
        else if (Input.Picture.Remove && activity.PictureId is not null)
        {
            activity.SetPicture(null, null, Clock.Now);
        }
        else if (activity.PictureId is not null && Input.Picture.Alt?.Trim() != activity.PictureAlt)
        {
            activity.SetPicture(activity.PictureId, Input.Picture.Alt, Clock.Now);
        }

        if (publish)
        {
            activity.Publish(Clock.Now);
        }

        try
        {
            await Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Noen andre endret aktiviteten samtidig. Last siden på nytt og prøv igjen."]);
            return Page();
        }

        TempData["Status"] = activity.Status == ActivityStatus.Published ? t["Aktiviteten er publisert."].Value : t["Aktiviteten er lagret som utkast."].Value;
        return Redirect($"/{Slug}/organisasjoner/{Organisation.Id}/aktiviteter/{activity.Id}");
    }

    private async Task LoadDistrictsAsync(CancellationToken ct) =>
        Districts = await Db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
}
