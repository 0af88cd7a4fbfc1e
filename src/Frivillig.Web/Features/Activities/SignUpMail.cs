using System.Globalization;
using Frivillig.Web.Email;
using Frivillig.Web.Features.Feeds;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities;

/// <summary>
/// Mail to people who signed up. Each confirmed sign-up is its own event in the person's calendar
/// (UID signup-{id}); an iTIP REQUEST adds or updates it, a CANCEL with a higher SEQUENCE removes it.
/// </summary>
internal static class SignUpMail
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public static Dictionary<string, string?> Values(SignUp signUp, Activity activity, TimeZoneInfo zone, LinkBuilder links, string? token, string municipalitySlug,
        string? note = null, DateChangeNotice? changed = null)
    {
        var nb = Nb;
        // The date as it is now: a moved date is told with its new time.
        var when = signUp.OccurrenceStart is not null
            ? TimeZoneInfo.ConvertTime(OccurrenceFor(signUp, activity, zone).Start, zone).ToString("dddd d. MMMM yyyy 'kl.' HH:mm", nb)
            : $"hele serien, fra {TimeZoneInfo.ConvertTime(activity.StartsAt, zone).ToString("dddd d. MMMM 'kl.' HH:mm", nb)}";
        return new Dictionary<string, string?>
        {
            ["Name"] = signUp.Name,
            ["ActivityTitle"] = activity.Title,
            ["When"] = when,
            ["Place"] = activity.Place,
            ["Note"] = note ?? string.Empty,
            ["ActivityUrl"] = links.Absolute($"/{municipalitySlug}/aktiviteter/{activity.Id}"),
            ["CancelUrl"] = token is null ? null : links.Absolute($"/{municipalitySlug}/pamelding/{token}"),
            ["ChangedDate"] = changed is null ? null : LocalText(changed.OriginalStart, zone),
            ["NewDate"] = changed?.NewStart is { } newStart ? LocalText(newStart, zone) : null,
        };
    }

    private static string LocalText(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dddd d. MMMM yyyy 'kl.' HH:mm", Nb);

    /// <summary>Queues a template mail to the person, with an invitation (REQUEST) or a withdrawal (CANCEL) when <paramref name="method"/> is given.</summary>
    public static void Send(Outbox outbox, Catalog catalog, Municipality municipality, SignUp signUp, Activity activity, string organisationName, string districtName,
        LinkBuilder links, string template, string? method, string? token = null, string? note = null, bool firstInvitation = false,
        DateChangeNotice? changed = null)
    {
        if (signUp.Email is null)
        {
            return;
        }

        var zone = ActivityCalendar.Zone(municipality);
        string? invitation = null;
        // A whole-series sign-up gets the mail without an invitation: its dates are in the activity's own feed.
        // An address the calendar cannot carry (from before addresses were checked) still gets the mail, without the invitation.
        if (method is not null && signUp.OccurrenceStart is not null && EmailAddresses.IsValid(signUp.Email))
        {
            // The first invitation is SEQUENCE 0; every update or withdrawal after it counts up.
            if (!firstInvitation)
            {
                signUp.CalendarSequence++;
            }

            var occurrence = OccurrenceFor(signUp, activity, zone);
            invitation = FeedBuilder.BuildOne(municipality, new FeedActivity(activity, organisationName, districtName), occurrence, catalog,
                links.Absolute($"/{municipality.Slug}/aktiviteter/{activity.Id}"), method, signUp.CalendarUid, signUp.CalendarSequence,
                organizerEmail: OrganizerAddress(municipality), attendee: (signUp.Email, signUp.Name));
        }

        outbox.Enqueue(signUp.Email, signUp.Name, template, Values(signUp, activity, zone, links, token, municipality.Slug, note, changed), invitation, invitation is null ? null : method);
    }

    /// <summary>The date the sign-up is for, after any move; for a series, the series' first date.</summary>
    private static Occurrence OccurrenceFor(SignUp signUp, Activity activity, TimeZoneInfo zone)
    {
        if (signUp.OccurrenceStart is { } original)
        {
            return Recurrence.Find(activity, zone, original)
                ?? new Occurrence(activity.Id, original, original, original + (activity.EndsAt - activity.StartsAt), true, false, null);
        }

        return new Occurrence(activity.Id, activity.StartsAt, activity.StartsAt, activity.EndsAt, activity.Status == ActivityStatus.Cancelled, false, null);
    }

    private static string OrganizerAddress(Municipality municipality) => $"ikke-svar+{municipality.Slug}@frivillig.local";

    /// <summary>Tells everyone with a place (and, for cancellations, everyone waiting) about a change to their date.</summary>
    public static async Task NotifyAsync(FrivilligDbContext db, Outbox outbox, Catalog catalog, LinkBuilder links, Activity activity, string template, string method,
        Func<SignUp, bool> affected, DateTimeOffset now, string? note, CancellationToken ct, DateChangeNotice? changed = null)
    {
        var municipality = db.Tenant.Required;
        var names = await db.Activities.Where(a => a.Id == activity.Id)
            .Select(a => new { Organisation = a.Organisation!.Name, District = a.District!.Name }).SingleAsync(ct);
        var signUps = await db.SignUps.Where(s => s.ActivityId == activity.Id && s.Status != SignUpStatus.Cancelled && s.Email != null).ToListAsync(ct);
        foreach (var signUp in signUps.Where(s => (s.OccurrenceStart is null || s.OccurrenceStart >= now) && affected(s)))
        {
            // A whole-series sign-up hears that one date changed and the rest did not: a template of its own.
            var forThem = changed is not null && signUp.OccurrenceStart is null ? template + "-series" : template;
            Send(outbox, catalog, municipality, signUp, activity, names.Organisation, names.District, links, forThem,
                signUp.Status == SignUpStatus.Confirmed ? method : null, note: note, changed: changed);
        }
    }
}

/// <summary>One date of a series that changed: its original start and, when moved, its new start; null when cancelled.</summary>
internal sealed record DateChangeNotice(DateTimeOffset OriginalStart, DateTimeOffset? NewStart);
