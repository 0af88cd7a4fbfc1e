using System.Globalization;
using System.Text;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Tenancy;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Occurrence = Frivillig.Model.Activities.Occurrence;

namespace Frivillig.Web.Features.Feeds;

/// <summary>One of a person's sign-ups, with its activity and municipality.</summary>
public sealed record PersonalEntry(SignUp SignUp, FeedActivity Item, Municipality Municipality);

/// <summary>One activity with what a feed needs besides the activity itself, and where it is held when a feature knows.</summary>
public sealed record FeedActivity(Activity Activity, string OrganisationName, string DistrictName, Venue? Venue = null)
{
    public string Location => Venue is { } v ? string.Join(", ", new[] { v.Name, v.Address }.Where(s => s.Length > 0)) : $"{Activity.Place}, {DistrictName}";
}

/// <summary>
/// RFC 5545 feeds with Ical.Net: a VTIMEZONE for the municipality's zone and local times with TZID;
/// one VEVENT per series with RRULE, EXDATE for cancelled dates and a RECURRENCE-ID event per moved
/// date; a UID that never changes and the activity's SEQUENCE. Text goes through Ical.Net's
/// serializer, which escapes and folds it, so nothing typed can add a property or a component.
/// </summary>
public static class FeedBuilder
{
    public static string Build(Municipality municipality, string calendarName, IEnumerable<FeedActivity> activities, Catalog catalog, Func<int, string> activityUrl)
    {
        var zone = MunicipalClock.ZoneOf(municipality);
        var tzid = municipality.TimeZoneId;
        var w = Published(calendarName)
            .Line("X-WR-TIMEZONE", tzid)
            .Line("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
            .Line("X-PUBLISHED-TTL", "PT1H")
            .Raw(TimeZoneBlock(tzid));

        foreach (var item in activities.OrderBy(a => a.Activity.Id))
        {
            var a = item.Activity;
            var url = activityUrl(a.Id);
            WriteEvent(w, a, item, zone, tzid, catalog, url, recurrenceId: null, start: a.StartsAt, end: a.EndsAt, note: null, withRule: true);
            foreach (var moved in a.DateChanges.Where(c => !c.Cancelled && c.NewStart is not null))
            {
                WriteEvent(w, a, item, zone, tzid, catalog, url, moved.OriginalStart, moved.NewStart!.Value,
                    moved.NewEnd ?? moved.NewStart.Value + (a.EndsAt - a.StartsAt), moved.Note, withRule: false);
            }
        }

        return w.Line("END", "VCALENDAR").ToString();
    }

    /// <summary>The start of every feed: a published calendar with its name.</summary>
    private static IcsWriter Published(string calendarName) => new IcsWriter()
        .Line("BEGIN", "VCALENDAR")
        .Line("VERSION", "2.0")
        .Line("PRODID", "-//Frivillig//Kalender//NB")
        .Line("CALSCALE", "GREGORIAN")
        .Line("METHOD", "PUBLISH")
        .Text("X-WR-CALNAME", calendarName);

    private static void WriteEvent(IcsWriter w, Activity a, FeedActivity item, TimeZoneInfo zone, string tzid, Catalog catalog, string url,
        DateTimeOffset? recurrenceId, DateTimeOffset start, DateTimeOffset end, string? note, bool withRule,
        string? uid = null, int? sequence = null, bool cancelled = false)
    {
        w.Line("BEGIN", "VEVENT")
            .Text("UID", uid ?? $"activity-{a.Id}@frivillig")
            .Utc("DTSTAMP", a.UpdatedAt)
            .Utc("LAST-MODIFIED", a.UpdatedAt);
        if (recurrenceId is { } rid)
        {
            w.Local("RECURRENCE-ID", tzid, TimeZoneInfo.ConvertTime(rid, zone).DateTime);
        }

        w.Local("DTSTART", tzid, TimeZoneInfo.ConvertTime(start, zone).DateTime)
            .Local("DTEND", tzid, TimeZoneInfo.ConvertTime(end, zone).DateTime);
        if (withRule && a.Frequency != RecurrenceFrequency.None)
        {
            w.Line("RRULE", RuleText(a, zone));
            var exdates = a.DateChanges.Where(c => c.Cancelled).Select(c => TimeZoneInfo.ConvertTime(c.OriginalStart, zone).DateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)).ToList();
            if (exdates.Count > 0)
            {
                w.Line($"EXDATE;TZID={tzid}", string.Join(',', exdates));
            }
        }

        w.Line("SEQUENCE", (sequence ?? a.Sequence).ToString(CultureInfo.InvariantCulture))
            .Line("STATUS", cancelled || a.Status == ActivityStatus.Cancelled ? "CANCELLED" : "CONFIRMED")
            .Text("SUMMARY", a.Title)
            .Text("LOCATION", item.Location)
            .Geo(item.Venue?.Latitude, item.Venue?.Longitude)
            .Text("DESCRIPTION", note is null ? Description(a, item, catalog, url) : note + "\n\n" + Description(a, item, catalog, url))
            .TextList("CATEGORIES", [catalog.CategoryName(a.CategorySlug), .. a.TargetGroupSlugs.Select(catalog.TargetName)])
            .Line("URL;VALUE=URI", url)
            .Line("END", "VEVENT");
    }

    private static string RuleText(Activity a, TimeZoneInfo zone)
    {
        var first = TimeZoneInfo.ConvertTime(a.StartsAt, zone).DateTime;
        var sb = new StringBuilder(a.Frequency == RecurrenceFrequency.MonthlyByWeekday ? "FREQ=MONTHLY" : "FREQ=WEEKLY");
        if (a.Frequency == RecurrenceFrequency.EveryOtherWeek)
        {
            sb.Append(";INTERVAL=2");
        }

        if (a.Frequency == RecurrenceFrequency.MonthlyByWeekday)
        {
            var isLast = first.Day > DateTime.DaysInMonth(first.Year, first.Month) - 7;
            sb.Append(";BYDAY=").Append(isLast ? "-1" : (((first.Day - 1) / 7) + 1).ToString(CultureInfo.InvariantCulture)).Append(DayCode(first.DayOfWeek));
        }

        if (a.Count is { } count)
        {
            sb.Append(";COUNT=").Append(count.ToString(CultureInfo.InvariantCulture));
        }
        else if (a.Until is { } until)
        {
            // UNTIL is inclusive and in UTC when DTSTART has a TZID: the end of that local day.
            sb.Append(";UNTIL=").Append(MunicipalClock.ToUtc(until.ToDateTime(new TimeOnly(23, 59, 59)), zone).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string DayCode(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TimeZoneBlocks = new(StringComparer.Ordinal);

    /// <summary>The VTIMEZONE from Ical.Net (NodaTime's rules), made once per zone; every feed with local times writes it.</summary>
    public static string TimeZoneBlock(string tzid) => TimeZoneBlocks.GetOrAdd(tzid, id =>
    {
        var text = Serialize(NewCalendar(id, "PUBLISH"));
        var from = text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal);
        var to = text.IndexOf("END:VTIMEZONE", StringComparison.Ordinal) + "END:VTIMEZONE".Length;
        return text[from..to].ReplaceLineEndings("\r\n") + "\r\n";
    });

    /// <summary>
    /// One date as its own event: the "Legg i kalender" download (PUBLISH) and the invitation in a
    /// sign-up mail (REQUEST, then CANCEL with the same UID and a higher SEQUENCE).
    /// </summary>
    public static string BuildOne(Municipality municipality, FeedActivity item, Occurrence occurrence, Catalog catalog, string url,
        string method = "PUBLISH", string? uid = null, int? sequence = null, string? organizerEmail = null, (string Email, string Name)? attendee = null)
    {
        var zone = MunicipalClock.ZoneOf(municipality);
        var tzid = municipality.TimeZoneId;
        var calendar = NewCalendar(tzid, method);
        var e = Event(item.Activity, item, zone, tzid, catalog, url);
        e.Uid = uid ?? $"activity-{item.Activity.Id}-{occurrence.OriginalStart.UtcDateTime:yyyyMMdd'T'HHmm'Z'}@frivillig";
        e.DtStart = Local(occurrence.Start, zone, tzid);
        e.DtEnd = Local(occurrence.End, zone, tzid);
        e.Sequence = sequence ?? item.Activity.Sequence;
        if (method == "CANCEL" || occurrence.Cancelled)
        {
            e.Status = EventStatus.Cancelled;
        }

        if (organizerEmail is not null)
        {
            e.Organizer = new Organizer("mailto:" + organizerEmail) { CommonName = item.OrganisationName };
        }

        if (attendee is { } a)
        {
            e.Attendees.Add(new Attendee("mailto:" + a.Email) { CommonName = a.Name, Role = "REQ-PARTICIPANT", ParticipationStatus = method == "CANCEL" ? "DECLINED" : "ACCEPTED" });
        }

        calendar.Events.Add(e);
        return Serialize(calendar);
    }

    /// <summary>A person's own calendar: each source's events, after the VTIMEZONE of every zone they use.</summary>
    public static string BuildPersonal(string name, IReadOnlyList<PersonalFeedPart> parts)
    {
        var w = Published($"{name} – mine påmeldinger, vakter og bookinger")
            .Line("X-PUBLISHED-TTL", "PT1H");
        foreach (var tzid in parts.SelectMany(p => p.TimeZoneIds).Distinct(StringComparer.Ordinal).DefaultIfEmpty("Europe/Oslo"))
        {
            w.Raw(TimeZoneBlock(tzid));
        }

        foreach (var part in parts)
        {
            part.WriteEvents(w);
        }

        return w.Line("END", "VCALENDAR").ToString();
    }

    /// <summary>Sign-ups as events: a date as itself (moved or cancelled as it is now), a whole-series sign-up as the series.</summary>
    internal static void WriteSignUps(IcsWriter w, IEnumerable<PersonalEntry> entries, Catalog catalog, Func<Municipality, int, string> activityUrl)
    {
        foreach (var entry in entries.OrderBy(e => e.SignUp.Id))
        {
            var a = entry.Item.Activity;
            var zone = MunicipalClock.ZoneOf(entry.Municipality);
            var url = activityUrl(entry.Municipality, a.Id);
            var sequence = Math.Max(entry.SignUp.CalendarSequence, a.Sequence);
            if (entry.SignUp.OccurrenceStart is { } original)
            {
                if (a.Find(zone, original) is not { } occurrence)
                {
                    continue;
                }

                WriteEvent(w, a, entry.Item, zone, entry.Municipality.TimeZoneId, catalog, url, recurrenceId: null, occurrence.Start, occurrence.End,
                    occurrence.Note, withRule: false, entry.SignUp.CalendarUid, sequence, occurrence.Cancelled);
            }
            else
            {
                WriteEvent(w, a, entry.Item, zone, entry.Municipality.TimeZoneId, catalog, url, recurrenceId: null, a.StartsAt, a.EndsAt,
                    note: null, withRule: true, entry.SignUp.CalendarUid, sequence);
            }
        }
    }

    private static Ical.Net.Calendar NewCalendar(string tzid, string method)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Frivillig//Kalender//NB", Method = method };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(tzid, new DateTime(2000, 1, 1), includeHistoricalData: false));
        return calendar;
    }

    private static string Serialize(Ical.Net.Calendar calendar)
    {
        // Ical.Net formats numbers with the current culture; nb-NO writes "−1" (U+2212), which no parser reads as -1.
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static CalendarEvent Event(Activity a, FeedActivity item, TimeZoneInfo zone, string tzid, Catalog catalog, string url)
    {
        var e = new CalendarEvent
        {
            Uid = $"activity-{a.Id}@frivillig",
            Summary = a.Title,
            DtStart = Local(a.StartsAt, zone, tzid),
            DtEnd = Local(a.EndsAt, zone, tzid),
            DtStamp = new CalDateTime(a.UpdatedAt.UtcDateTime, "UTC"),
            LastModified = new CalDateTime(a.UpdatedAt.UtcDateTime, "UTC"),
            Sequence = a.Sequence,
            Location = item.Location,
            GeographicLocation = item.Venue is { Latitude: { } lat, Longitude: { } lon } ? new GeographicLocation(lat, lon) : null,
            Url = new Uri(url),
            Status = a.Status == ActivityStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Description = Description(a, item, catalog, url),
            Organizer = null,
        };
        e.Categories.Add(catalog.CategoryName(a.CategorySlug));
        foreach (var target in a.TargetGroupSlugs)
        {
            e.Categories.Add(catalog.TargetName(target));
        }

        return e;
    }

    private static string Description(Activity a, FeedActivity item, Catalog catalog, string url)
    {
        var sb = new StringBuilder();
        if (a.Summary is not null)
        {
            sb.AppendLine(a.Summary).AppendLine();
        }

        sb.AppendLine("Rusfritt: arrangøren har erklært at aktiviteten er fri for alkohol og rusmidler.");
        sb.AppendLine(a.IsDropIn ? "Drop-in: bare møt opp." : $"Påmelding: {url}");
        sb.AppendLine(a.PriceNok is null ? "Gratis." : $"Pris: {a.PriceNok.Value.ToString("0.##", CultureInfo.GetCultureInfo("nb-NO"))} kr.");
        sb.Append("Arrangør: ").AppendLine(item.OrganisationName);
        if (a.AccessibilitySlugs.Any())
        {
            sb.Append("Tilgjengelighet: ").AppendLine(string.Join(", ", a.AccessibilitySlugs.Select(catalog.AccessibilityName)));
        }

        sb.Append(url);
        return sb.ToString();
    }

    private static CalDateTime Local(DateTimeOffset instant, TimeZoneInfo zone, string tzid) =>
        new(TimeZoneInfo.ConvertTime(instant, zone).DateTime, tzid);
}
