using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Activities.Manage;

/// <summary>One date of a series cancelled, moved or restored; those signed up for it, and for the whole series, are told which date.</summary>
public sealed class DatesModel(FrivilligDbContext db, MunicipalClock clock, SignUpMail mail, IStringLocalizer<SharedResource> t)
    : ManageActivityPage(db, clock)
{
    public const int NoteMaxLength = 300;

    public IReadOnlyList<Occurrence> UpcomingDates { get; private set; } = [];

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostCancelDateAsync(long date, string? note, CancellationToken ct)
    {
        if (Check(date, note) is not { } original)
        {
            return Page();
        }

        if (!Confirmed)
        {
            var signedUp = await Db.SignUps.CountAsync(x => x.ActivityId == Activity!.Id && x.Status != SignUpStatus.Cancelled
                && (x.OccurrenceStart == original || x.OccurrenceStart == null), ct);
            var when = Clock.Text(Activity!.Find(Clock.Zone, original)?.Start ?? original, "dddd d. MMMM 'kl.' HH:mm");
            return AskToConfirm(t["Avlyse {0}?", when],
                signedUp == 0 ? t["Datoen vises som avlyst i kalenderen og i kalenderabonnementene."] : t["Datoen vises som avlyst, og de {0} som er påmeldt får e-post om det. Du kan gjenopprette datoen senere.", signedUp],
                t["Ja, avlys {0}", when], ActivityPath + "/datoer");
        }

        var trimmed = Blank(note);
        Activity!.CancelDate(original, trimmed, Clock.Zone, Clock.Now);
        await mail.NotifyAsync(Activity, "date-cancelled", "CANCEL", Concerns(original), ct, trimmed, new DateChangeNotice(original, null));
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = t["Datoen er avlyst."].Value;
        return Redirect(ActivityPath + "/datoer");
    }

    public async Task<IActionResult> OnPostMoveDateAsync(long date, DateOnly? newDate, TimeOnly? newStart, TimeOnly? newEnd, string? note, CancellationToken ct)
    {
        if (newDate is null || newStart is null || newEnd is null || newEnd <= newStart || !CalendarBounds.Contains(newDate.Value))
        {
            ModelState.AddModelError(string.Empty, t["Velg ny dato mellom {0} og {1}, og en sluttid etter starttiden.",
                CalendarBounds.Earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                CalendarBounds.Latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (Check(date, note) is not { } original || !ModelState.IsValid)
        {
            return Page();
        }

        var start = Clock.ToUtc(newDate!.Value, newStart!.Value);
        var trimmed = Blank(note);
        Activity!.MoveDate(original, start, Clock.ToUtc(newDate.Value, newEnd!.Value), trimmed, Clock.Zone, Clock.Now);
        await mail.NotifyAsync(Activity, "date-moved", "REQUEST", Concerns(original), ct, trimmed, new DateChangeNotice(original, start));
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = t["Datoen er flyttet."].Value;
        return Redirect(ActivityPath + "/datoer");
    }

    public async Task<IActionResult> OnPostRestoreDateAsync(long date, CancellationToken ct)
    {
        if (Activity!.DateChanges.SingleOrDefault(e => e.OriginalStart.UtcTicks == date) is not { } change)
        {
            return NotFound();
        }

        var original = change.OriginalStart;
        Activity.RestoreDate(original, Clock.Zone, Clock.Now);
        await mail.NotifyAsync(Activity, "date-restored", "REQUEST", Concerns(original), ct, changed: new DateChangeNotice(original, null));
        await Db.SaveChangesAsync(ct);
        return Redirect(ActivityPath + "/datoer");
    }

    /// <summary>Those signed up for this date, and for the whole series.</summary>
    private static Func<SignUp, bool> Concerns(DateTimeOffset original) => s => s.OccurrenceStart == original || s.OccurrenceStart is null;

    /// <summary>The date (as UTC ticks, from the form) when it is one of the series' dates and the note is plain text; otherwise errors on the page.</summary>
    private DateTimeOffset? Check(long date, string? note)
    {
        var original = date > 0 && date < DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(date, TimeSpan.Zero) : (DateTimeOffset?)null;
        if (original is null || !Activity!.IsOccurrence(Clock.Zone, original.Value))
        {
            ModelState.AddModelError(string.Empty, t["Datoen finnes ikke i serien."]);
        }

        if (note is { Length: > NoteMaxLength } || !new NoMarkupAttribute().IsValid(note))
        {
            ModelState.AddModelError(string.Empty, t["Merknaden kan være høyst 300 tegn og uten HTML-kode."]);
        }

        Load();
        return ModelState.IsValid ? original : null;
    }

    private void Load() => UpcomingDates = [.. Activity!.Occurrences(Clock.Zone, Clock.Now.AddDays(-1), Clock.Now.AddDays(180)).Take(30)];

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
