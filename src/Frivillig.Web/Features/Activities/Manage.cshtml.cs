using System.Globalization;
using Frivillig.Web.Auth;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Activities;

/// <summary>
/// An organisation's coordinators and admins create, edit, publish, cancel and delete activities here,
/// cancel or move one date of a series, and see who signed up. The organisation comes from the route
/// and is looked up through the tenant filter, so another municipality's id is simply not found.
/// </summary>
[Authorize]
public sealed class ManageModel(FrivilligDbContext db, CurrentUser me, Catalog catalog, Email.Outbox outbox, LinkBuilder links, TimeProvider time,
    IStringLocalizer<SharedResource> t) : FormPageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = default!;
    public Activity? Activity { get; private set; }
    public Catalog Catalog => catalog;
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public IReadOnlyList<Occurrence> UpcomingDates { get; private set; } = [];
    public IReadOnlyList<SignUp> SignUps { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string Slug => db.Tenant.Required.Slug;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var ct = HttpContext.RequestAborted;
        var orgId = int.Parse((string)RouteData.Values["orgId"]!, CultureInfo.InvariantCulture);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (organisation is null)
        {
            context.Result = NotFound();
            return;
        }

        if (await me.RoleInAsync(orgId, ct) is not (OrganisationRole.Admin or OrganisationRole.Coordinator))
        {
            context.Result = Forbid();
            return;
        }

        Organisation = organisation;
        Zone = ActivityCalendar.Zone(db.Tenant.Required);
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        if (RouteData.Values["id"] is string idText)
        {
            var id = int.Parse(idText, CultureInfo.InvariantCulture);
            Activity = await db.Activities.Include(a => a.DateChanges).SingleOrDefaultAsync(a => a.Id == id && a.OrganisationId == orgId, ct);
            if (Activity is null)
            {
                context.Result = NotFound();
                return;
            }

            await LoadDetailsAsync(ct);
        }

        await next();
    }

    public IActionResult OnGet()
    {
        if (Activity is not null)
        {
            Input = ToInput(Activity);
        }
        else
        {
            Input.Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime).AddDays(7);
            Input.StartTime = new TimeOnly(18, 0);
            Input.EndTime = new TimeOnly(20, 0);
            Input.Contact = Organisation.ContactEmail;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? intent, CancellationToken ct)
    {
        if (!Organisation.CanAct)
        {
            ModelState.AddModelError(string.Empty, t["Organisasjonen må være godkjent av kommunen før den kan legge ut aktiviteter."]);
            return Page();
        }

        var publish = intent == "publish";
        Validate(publish);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        var before = Activity is null ? null : new { Activity.StartsAt, Activity.EndsAt, Activity.Place, Activity.Frequency };
        var activity = Activity ?? new Activity
        {
            OrganisationId = Organisation.Id,
            Title = string.Empty,
            CategorySlug = string.Empty,
            Place = string.Empty,
            Status = ActivityStatus.Draft,
            CreatedAt = now,
        };
        Apply(activity);
        if (publish && activity.Status == ActivityStatus.Draft)
        {
            activity.Status = ActivityStatus.Published;
        }

        activity.SeriesEndsAt = Recurrence.SeriesEnd(activity, Zone);
        activity.Touch(now);
        if (Activity is null)
        {
            db.Activities.Add(activity);
        }
        else if (before is not null && activity.Status != ActivityStatus.Draft
            && (before.StartsAt != activity.StartsAt || before.EndsAt != activity.EndsAt || before.Place != activity.Place))
        {
            await MoveSignUpsWithTheSeriesAsync(activity, before.StartsAt, ct);
            await SignUpMail.NotifyAsync(db, outbox, catalog, links, activity, "activity-changed", "REQUEST", _ => true, now, null, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Noen andre endret aktiviteten samtidig. Last siden på nytt og prøv igjen."]);
            return Page();
        }

        TempData["Status"] = activity.Status == ActivityStatus.Published ? t["Aktiviteten er publisert."].Value : t["Aktiviteten er lagret som utkast."].Value;
        return Redirect($"/{Slug}/organisasjoner/{Organisation.Id}/aktiviteter/{activity.Id}");
    }

    public async Task<IActionResult> OnPostCancelActivityAsync(CancellationToken ct)
    {
        ModelState.Clear(); // The activity form is bound on every post; only the save handler uses it.
        if (Activity is null)
        {
            return NotFound();
        }

        Activity.Status = ActivityStatus.Cancelled;
        Activity.Touch(time.GetUtcNow());
        await SignUpMail.NotifyAsync(db, outbox, catalog, links, Activity, "activity-cancelled", "CANCEL", _ => true, time.GetUtcNow(), null, ct);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Aktiviteten er avlyst. Den vises fortsatt som avlyst i kalenderen."].Value;
        return Redirect($"/{Slug}/organisasjoner/{Organisation.Id}/aktiviteter/{Activity.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        ModelState.Clear(); // The activity form is bound on every post; only the save handler uses it.
        if (Activity is null)
        {
            return NotFound();
        }

        if (Activity.Status == ActivityStatus.Published)
        {
            ModelState.AddModelError(string.Empty, t["Avlys aktiviteten før du sletter den, så de som har planlagt å komme får vite det."]);
            Input = ToInput(Activity);
            return Page();
        }

        db.Activities.Remove(Activity);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Aktiviteten er slettet."].Value;
        return Redirect($"/{Slug}/organisasjoner/{Organisation.Id}/aktiviteter");
    }

    public async Task<IActionResult> OnPostCancelDateAsync(long date, string? note, CancellationToken ct) =>
        await ChangeDateAsync(date, note, cancel: true, null, null, ct);

    public async Task<IActionResult> OnPostRestoreDateAsync(long date, CancellationToken ct)
    {
        ModelState.Clear(); // The activity form is bound on every post; only the save handler uses it.
        if (Activity?.DateChanges.SingleOrDefault(e => e.OriginalStart.UtcTicks == date) is not { } change)
        {
            return NotFound();
        }

        Activity.DateChanges.Remove(change);
        Activity.SeriesEndsAt = Recurrence.SeriesEnd(Activity, Zone);
        Activity.Touch(time.GetUtcNow());
        await SignUpMail.NotifyAsync(db, outbox, catalog, links, Activity, "date-restored", "REQUEST",
            s => s.OccurrenceStart == change.OriginalStart || s.OccurrenceStart is null, time.GetUtcNow(), null, ct, new DateChangeNotice(change.OriginalStart, null));
        await db.SaveChangesAsync(ct);
        return Redirect($"/{Slug}/organisasjoner/{Organisation.Id}/aktiviteter/{Activity.Id}#datoer");
    }

    public async Task<IActionResult> OnPostMoveDateAsync(long date, DateOnly? newDate, TimeOnly? newStart, TimeOnly? newEnd, string? note, CancellationToken ct)
    {
        ModelState.Clear();
        if (newDate is null || newStart is null || newEnd is null || newEnd <= newStart || !CalendarBounds.Contains(newDate.Value))
        {
            ModelState.AddModelError(string.Empty, t["Velg ny dato mellom {0} og {1}, og en sluttid etter starttiden.", CalendarBounds.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CalendarBounds.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            Input = ToInput(Activity!);
            return Page();
        }

        var start = Recurrence.ToUtc(newDate.Value.ToDateTime(newStart.Value), Zone);
        var end = Recurrence.ToUtc(newDate.Value.ToDateTime(newEnd.Value), Zone);
        return await ChangeDateAsync(date, note, cancel: false, start, end, ct);
    }

    private async Task<IActionResult> ChangeDateAsync(long date, string? note, bool cancel, DateTimeOffset? newStart, DateTimeOffset? newEnd, CancellationToken ct)
    {
        ModelState.Clear(); // The activity form is bound on every post (even with no "Input." prefix); only the save handler uses it.
        if (Activity is null)
        {
            return NotFound();
        }

        var original = date > 0 && date < DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(date, TimeSpan.Zero) : DateTimeOffset.MinValue;
        if (original == DateTimeOffset.MinValue || !Recurrence.IsOccurrence(Activity, Zone, original))
        {
            ModelState.AddModelError(string.Empty, t["Datoen finnes ikke i serien."]);
        }

        if (note is { Length: > 300 } || !new NoMarkupAttribute().IsValid(note))
        {
            ModelState.AddModelError(string.Empty, t["Merknaden kan være høyst 300 tegn og uten HTML-kode."]);
        }

        if (!ModelState.IsValid)
        {
            Input = ToInput(Activity);
            return Page();
        }

        var change = Activity.DateChanges.SingleOrDefault(e => e.OriginalStart == original);
        if (change is null)
        {
            change = new DateChange { OriginalStart = original };
            Activity.DateChanges.Add(change);
        }

        change.Cancelled = cancel;
        change.NewStart = cancel ? null : newStart;
        change.NewEnd = cancel ? null : newEnd;
        change.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Activity.SeriesEndsAt = Recurrence.SeriesEnd(Activity, Zone);
        Activity.Touch(time.GetUtcNow());
        await SignUpMail.NotifyAsync(db, outbox, catalog, links, Activity, cancel ? "date-cancelled" : "date-moved", cancel ? "CANCEL" : "REQUEST",
            s => s.OccurrenceStart == original || s.OccurrenceStart is null, time.GetUtcNow(), change.Note, ct, new DateChangeNotice(original, change.NewStart));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = cancel ? t["Datoen er avlyst."].Value : t["Datoen er flyttet."].Value;
        return Redirect($"/{Slug}/organisasjoner/{Organisation.Id}/aktiviteter/{Activity.Id}#datoer");
    }

    /// <summary>
    /// A sign-up for one date is keyed by that date's start. When the series moves to another time of
    /// day, each future sign-up follows its date to the new time, so nobody loses a place by an edit.
    /// </summary>
    private async Task MoveSignUpsWithTheSeriesAsync(Activity activity, DateTimeOffset oldFirstStart, CancellationToken ct)
    {
        var shift = TimeZoneInfo.ConvertTime(activity.StartsAt, Zone).TimeOfDay - TimeZoneInfo.ConvertTime(oldFirstStart, Zone).TimeOfDay;
        if (shift == TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var signUp in await db.SignUps.Where(s => s.ActivityId == activity.Id && s.OccurrenceStart != null && s.Status != SignUpStatus.Cancelled).ToListAsync(ct))
        {
            if (signUp.OccurrenceStart < now)
            {
                continue;
            }

            var local = TimeZoneInfo.ConvertTime(signUp.OccurrenceStart!.Value, Zone).DateTime + shift;
            var moved = Recurrence.ToUtc(local, Zone);
            if (Recurrence.IsOccurrence(activity, Zone, moved))
            {
                signUp.OccurrenceStart = moved;
            }
        }
    }

    private void Validate(bool publish)
    {
        if (Input.Category is not null && catalog.Categories.All(c => c.Slug != Input.Category))
        {
            ModelState.AddModelError("Input.Category", t["Velg en kategori fra listen."]);
        }

        if (Input.TargetGroups.Count == 0)
        {
            ModelState.AddModelError("Input.TargetGroups", t["Velg minst én målgruppe."]);
        }
        else if (Input.TargetGroups.Any(g => catalog.TargetGroups.All(c => c.Slug != g)))
        {
            ModelState.AddModelError("Input.TargetGroups", t["Velg målgrupper fra listen."]);
        }

        if (Input.Accessibility.Any(g => catalog.Accessibility.All(c => c.Slug != g)))
        {
            ModelState.AddModelError("Input.Accessibility", t["Velg fra listen."]);
        }

        if (Input.DistrictId is { } d && Districts.All(x => x.Id != d))
        {
            ModelState.AddModelError("Input.DistrictId", t["Velg bydel eller distriktssenter fra listen."]);
        }

        if (Input.StartTime is { } s && Input.EndTime is { } e && e <= s)
        {
            ModelState.AddModelError("Input.EndTime", t["Sluttiden må være etter starttiden."]);
        }

        if (!Enum.IsDefined(Input.Frequency))
        {
            ModelState.AddModelError("Input.Frequency", t["Velg hvor ofte fra listen."]);
        }
        else if (Input.Frequency != RecurrenceFrequency.None)
        {
            if (Input.Until is not null && Input.Count is not null)
            {
                ModelState.AddModelError("Input.Until", t["Velg enten sluttdato eller antall ganger, ikke begge."]);
            }

            if (Input.Until is { } until && Input.Date is { } first && CalendarBounds.Contains(first) && (until < first || until > first.AddYears(3)))
            {
                ModelState.AddModelError("Input.Until", t["Sluttdatoen må være etter første dato og innen tre år."]);
            }
        }

        if (!Input.IsDropIn && Input.Capacity is null)
        {
            ModelState.AddModelError("Input.Capacity", t["Skriv hvor mange plasser det er."]);
        }

        if (Input.Date is { } outside && !CalendarBounds.Contains(outside))
        {
            ModelState.AddModelError("Input.Date", t["Datoen må være mellom {0} og {1}.", CalendarBounds.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CalendarBounds.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        else if (Input.Date is { } date && Activity is null && date < DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime).AddDays(-1))
        {
            ModelState.AddModelError("Input.Date", t["Datoen har vært."]);
        }

        if (publish && !Input.Rusfri)
        {
            ModelState.AddModelError("Input.Rusfri", t["Alle aktiviteter på Frivillig er rusfrie. Bekreft det for å publisere."]);
        }
    }

    private void Apply(Activity a)
    {
        a.Title = Input.Title.Trim();
        a.Summary = Blank(Input.Summary);
        a.Description = Blank(Input.Description);
        a.CategorySlug = Input.Category!;
        a.TargetGroups = Activity.JoinSlugs(Input.TargetGroups);
        a.Accessibility = Activity.JoinSlugs(Input.Accessibility);
        a.DistrictId = Input.DistrictId!.Value;
        a.Place = Input.Place.Trim();
        a.StartsAt = Recurrence.ToUtc(Input.Date!.Value.ToDateTime(Input.StartTime!.Value), Zone);
        a.EndsAt = Recurrence.ToUtc(Input.Date!.Value.ToDateTime(Input.EndTime!.Value), Zone);
        a.Frequency = Input.Frequency;
        a.Until = Input.Frequency == RecurrenceFrequency.None ? null : Input.Until;
        a.Count = Input.Frequency == RecurrenceFrequency.None ? null : Input.Count;
        a.IsDropIn = Input.IsDropIn;
        a.Capacity = Input.Capacity;
        a.PriceNok = Input.PriceNok is 0 ? null : Input.PriceNok;
        a.Languages = Blank(Input.Languages);
        a.Contact = Blank(Input.Contact);
        a.RusfriDeclared = Input.Rusfri || a.RusfriDeclared;
    }

    private ActivityInput ToInput(Activity a)
    {
        var start = TimeZoneInfo.ConvertTime(a.StartsAt, Zone).DateTime;
        var end = TimeZoneInfo.ConvertTime(a.EndsAt, Zone).DateTime;
        return new ActivityInput
        {
            Title = a.Title,
            Summary = a.Summary,
            Description = a.Description,
            Category = a.CategorySlug,
            TargetGroups = [.. a.TargetGroupSlugs],
            Accessibility = [.. a.AccessibilitySlugs],
            DistrictId = a.DistrictId,
            Place = a.Place,
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(end),
            Frequency = a.Frequency,
            Until = a.Until,
            Count = a.Count,
            IsDropIn = a.IsDropIn,
            Capacity = a.Capacity,
            PriceNok = a.PriceNok,
            Languages = a.Languages,
            Contact = a.Contact,
            Rusfri = a.RusfriDeclared,
        };
    }

    private async Task LoadDetailsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        UpcomingDates = [.. Recurrence.Expand(Activity!, Zone, now.AddDays(-1), now.AddDays(180)).Take(30)];
        SignUps = await db.SignUps.AsNoTracking().Where(s => s.ActivityId == Activity!.Id && s.Status != SignUpStatus.Cancelled)
            .OrderBy(s => s.OccurrenceStart).ThenBy(s => s.CreatedAt).ToListAsync(ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public string LocalText(DateTimeOffset instant, string format) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString(format, CultureInfo.GetCultureInfo("nb-NO"));
}
