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
    public static Dictionary<string, string?> Values(SignUp signUp, Activity activity, TimeZoneInfo zone, LinkBuilder links, string? token, string municipalitySlug, string? note = null)
    {
        var nb = CultureInfo.GetCultureInfo("nb-NO");
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
        };
    }

    /// <summary>Queues a template mail to the person, with an invitation (REQUEST) or a withdrawal (CANCEL) when <paramref name="method"/> is given.</summary>
    public static void Send(Outbox outbox, Catalog catalog, Municipality municipality, SignUp signUp, Activity activity, string organisationName, string districtName,
        LinkBuilder links, string template, string? method, string? token = null, string? note = null, bool firstInvitation = false)
    {
        if (signUp.Email is null)
        {
            return;
        }

        var zone = ActivityCalendar.Zone(municipality);
        string? invitation = null;
        // A whole-series sign-up gets the mail without an invitation: its dates are in the activity's own feed.
        if (method is not null && signUp.OccurrenceStart is not null)
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

        outbox.Enqueue(signUp.Email, signUp.Name, template, Values(signUp, activity, zone, links, token, municipality.Slug, note), invitation, invitation is null ? null : method);
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
        Func<SignUp, bool> affected, DateTimeOffset now, string? note, CancellationToken ct)
    {
        var municipality = db.Tenant.Required;
        var names = await db.Activities.Where(a => a.Id == activity.Id)
            .Select(a => new { Organisation = a.Organisation!.Name, District = a.District!.Name }).SingleAsync(ct);
        var signUps = await db.SignUps.Where(s => s.ActivityId == activity.Id && s.Status != SignUpStatus.Cancelled && s.Email != null).ToListAsync(ct);
        foreach (var signUp in signUps.Where(s => (s.OccurrenceStart is null || s.OccurrenceStart >= now) && affected(s)))
        {
            Send(outbox, catalog, municipality, signUp, activity, names.Organisation, names.District, links, template,
                signUp.Status == SignUpStatus.Confirmed ? method : null, note: note);
        }
    }
}
