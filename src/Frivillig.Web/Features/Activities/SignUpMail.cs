using Frivillig.Web.Email;
using Frivillig.Web.Features.Feeds;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

/// <summary>One date of a series that changed: its original start and, when moved, its new start; null when cancelled or restored.</summary>
public sealed record DateChangeNotice(DateTimeOffset OriginalStart, DateTimeOffset? NewStart);

/// <summary>
/// Mail to people who signed up, queued in the outbox with the change that causes it. Each confirmed
/// sign-up is its own event in the person's calendar (UID signup-{id}); an iTIP REQUEST adds or
/// updates it, a CANCEL with a higher SEQUENCE removes it.
/// </summary>
public sealed class SignUpMail(FrivilligDbContext db, Outbox outbox, Catalog catalog, LinkBuilder links, MunicipalClock clock, Venues venues,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t)
{
    private const string LongDate = "dddd d. MMMM yyyy 'kl.' HH:mm";

    /// <summary>Queues a template mail to the person, with an invitation (REQUEST) or a withdrawal (CANCEL) when <paramref name="method"/> is given.</summary>
    public async Task SendAsync(SignUp signUp, Activity activity, string template, string? method, CancellationToken ct, string? token = null,
        string? note = null, bool firstInvitation = false, DateChangeNotice? changed = null)
    {
        if (signUp.Email is null)
        {
            return;
        }

        string? invitation = null;
        // A whole-series sign-up gets the mail without an invitation: its dates are in the activity's own feed.
        // An address the calendar cannot carry (from before addresses were checked) still gets the mail, without it.
        if (method is not null && signUp.OccurrenceStart is not null && EmailAddresses.IsValid(signUp.Email))
        {
            // The first invitation is SEQUENCE 0; every update or withdrawal after it counts up.
            var sequence = firstInvitation ? signUp.CalendarSequence : signUp.NextCalendarSequence();
            var names = await NamesAsync(activity, ct);
            var municipality = db.Tenant.Required;
            var venue = await venues.FindAsync(activity.Id, ct);
            invitation = FeedBuilder.BuildOne(municipality, new FeedActivity(activity, names.Organisation, names.District, venue), OccurrenceFor(signUp, activity), catalog,
                links.Absolute($"/{municipality.Slug}/aktiviteter/{activity.Id}"), method, signUp.CalendarUid, sequence,
                organizerEmail: $"ikke-svar+{municipality.Slug}@frivillig.local", attendee: (signUp.Email, signUp.Name));
        }

        outbox.Enqueue(signUp.Email, signUp.Name, template, Values(signUp, activity, token, note, changed), invitation, invitation is null ? null : method);
    }

    /// <summary>
    /// Tells those who got a place. A one-date sign-up gets its invitation; a whole-series sign-up hears
    /// which of its full dates it now has a place on (the series is in its calendar already).
    /// </summary>
    public async Task SendPromotionsAsync(IEnumerable<Places.Promotion> promotions, Activity activity, CancellationToken ct)
    {
        foreach (var promotion in promotions)
        {
            if (promotion.Date is { } date)
            {
                if (promotion.SignUp.Email is { } email)
                {
                    var values = Values(promotion.SignUp, activity, null, null, null);
                    values["When"] = clock.Text(activity.Find(clock.Zone, date)?.Start ?? date, LongDate);
                    outbox.Enqueue(email, promotion.SignUp.Name, "signup-promoted-date", values);
                }
            }
            else
            {
                await SendAsync(promotion.SignUp, activity, "signup-promoted", "REQUEST", ct, firstInvitation: true);
            }
        }
    }

    /// <summary>The dates of a whole-series sign-up that were full, as a sentence for its mail and receipt; null when none.</summary>
    public string? WaitlistedDatesText(SignUp signUp, Activity activity) =>
        signUp.WaitlistedDates.Count == 0
            ? null
            : string.Join(", ", signUp.WaitlistedDates.Select(w => w.OccurrenceStart).Order().Select(d => clock.Text(activity.Find(clock.Zone, d)?.Start ?? d, "dddd d. MMMM")));

    /// <summary>Tells everyone with a place (and everyone waiting, without an invitation) about a change to their date.</summary>
    public async Task NotifyAsync(Activity activity, string template, string method, Func<SignUp, bool> affected, CancellationToken ct,
        string? note = null, DateChangeNotice? changed = null)
    {
        var now = clock.Now;
        // Names for the invitations, loaded once rather than once per person.
        await db.Entry(activity).Reference(a => a.Organisation).LoadAsync(ct);
        await db.Entry(activity).Reference(a => a.District).LoadAsync(ct);
        var signUps = await db.SignUps.Where(s => s.ActivityId == activity.Id && s.Status != SignUpStatus.Cancelled && s.Email != null).ToListAsync(ct);
        foreach (var signUp in signUps.Where(s => (s.OccurrenceStart is null || s.OccurrenceStart >= now) && affected(s)))
        {
            // A whole-series sign-up hears that one date changed and the rest did not: a template of its own.
            var forThem = changed is not null && signUp.OccurrenceStart is null ? template + "-series" : template;
            await SendAsync(signUp, activity, forThem, signUp.HasPlace ? method : null, ct, note: note, changed: changed);
        }
    }

    private Dictionary<string, string?> Values(SignUp signUp, Activity activity, string? token, string? note, DateChangeNotice? changed)
    {
        var slug = db.Tenant.Required.Slug;
        // The date as it is now: a moved date is told with its new time.
        var when = signUp.OccurrenceStart is not null
            ? clock.Text(OccurrenceFor(signUp, activity).Start, LongDate)
            : $"hele serien, fra {clock.Text(activity.StartsAt, "dddd d. MMMM 'kl.' HH:mm")}";
        return new Dictionary<string, string?>
        {
            ["Name"] = signUp.Name,
            ["ActivityTitle"] = activity.Title,
            ["When"] = when,
            ["Place"] = activity.Place,
            ["Note"] = note ?? string.Empty,
            ["ActivityUrl"] = links.Absolute($"/{slug}/aktiviteter/{activity.Id}"),
            ["CancelUrl"] = token is null ? null : links.Absolute($"/{slug}/pamelding/{token}"),
            ["ChangedDate"] = changed is null ? null : clock.Text(changed.OriginalStart, LongDate),
            ["NewDate"] = changed?.NewStart is { } newStart ? clock.Text(newStart, LongDate) : null,
            ["WaitlistedNote"] = WaitlistedDatesText(signUp, activity) is { } full
                ? t["Noen datoer er fulle. På disse står du på venteliste, og du får beskjed om du får plass: {0}.", full].Value
                : string.Empty,
        };
    }

    /// <summary>The date the sign-up is for, after any move; for a series, the series' first date.</summary>
    private Occurrence OccurrenceFor(SignUp signUp, Activity activity)
    {
        if (signUp.OccurrenceStart is { } original)
        {
            return activity.Find(clock.Zone, original)
                ?? new Occurrence(original, original, original + (activity.EndsAt - activity.StartsAt), true, false, null);
        }

        return new Occurrence(activity.StartsAt, activity.StartsAt, activity.EndsAt, activity.Status == ActivityStatus.Cancelled, false, null);
    }

    private async Task<(string Organisation, string District)> NamesAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Organisation is { } o && activity.District is { } d)
        {
            return (o.Name, d.Name);
        }

        var names = await db.Activities.Where(a => a.Id == activity.Id)
            .Select(a => new { Organisation = a.Organisation!.Name, District = a.District!.Name }).SingleAsync(ct);
        return (names.Organisation, names.District);
    }
}
