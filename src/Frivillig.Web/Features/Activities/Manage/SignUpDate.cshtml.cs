using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Activities.Manage;

/// <summary>
/// One date's list: who has a place and who waits, in order, marked when the date is cancelled. The
/// organiser can remove a sign-up or move a one-date sign-up to another date; the person is told, and a
/// freed place goes to the first on the waitlist. Printable, and exportable as CSV.
/// </summary>
public sealed class SignUpDateModel(FrivilligDbContext db, MunicipalClock clock, SignUpMail mail, IStringLocalizer<SharedResource> t)
    : ManageActivityPage(db, clock)
{
    public Occurrence Date { get; private set; } = default!;
    public IReadOnlyList<SignUpRow> Rows { get; private set; } = [];

    /// <summary>The dates a one-date sign-up can be moved to: coming, not cancelled, not this one.</summary>
    public IReadOnlyList<Occurrence> OtherDates { get; private set; } = [];

    public string DateLabel => LocalText(Date.Start, "dddd d. MMMM yyyy 'kl.' HH:mm");
    public string DateListPath => $"{ActivityPath}/pameldte/{Date.OriginalStart.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(long date, CancellationToken ct) => await LoadAsync(date, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(long date, CancellationToken ct)
    {
        if (!await LoadAsync(date, ct))
        {
            return NotFound();
        }

        var rows = Rows.Select(r => new[]
        {
            r.Name, r.Email, r.Phone, r.Series ? t["Hele serien"].Value : t["Denne datoen"].Value,
            r.HasPlace ? t["Bekreftet"].Value : t["Venteliste"].Value, Clock.Text(r.CreatedAt, "yyyy-MM-dd HH:mm"),
        });
        var header = new[] { t["Navn"].Value, t["E-post"].Value, t["Telefon"].Value, t["Påmeldt til"].Value, t["Status"].Value, t["Påmeldt"].Value };
        return File(SignUpList.Csv(header, rows), "text/csv; charset=utf-8", SignUpList.FileName(Activity!.Title, "-" + Clock.Text(Date.Start, "yyyy-MM-dd")));
    }

    public async Task<IActionResult> OnPostRemoveAsync(long date, int signUpId, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(date, ct))
        {
            return NotFound();
        }

        if (note is { Length: > 300 } || !new NoMarkupAttribute().IsValid(note))
        {
            ModelState.AddModelError("note", t["Merknaden kan være høyst 300 tegn og uten HTML-kode."]);
            return Page();
        }

        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var signUp = await Db.SignUps.Include(s => s.WaitlistedDates)
            .SingleOrDefaultAsync(s => s.Id == signUpId && s.ActivityId == Activity!.Id && s.Status != SignUpStatus.Cancelled, ct);
        if (signUp is null)
        {
            return NotFound();
        }

        if (!Confirmed)
        {
            await tx.RollbackAsync(ct);
            return AskToConfirm(
                signUp.IsSeries ? t["Fjerne {0} fra hele serien?", signUp.Name] : t["Fjerne {0} fra {1}?", signUp.Name, DateLabel],
                signUp.Email is null
                    ? t["{0} har ikke e-post og får ikke beskjed automatisk: ring {1}. Plassen går til den første på ventelisten.", signUp.Name, signUp.Phone ?? string.Empty]
                    : t["{0} får e-post om det. Plassen går til den første på ventelisten.", signUp.Name],
                t["Ja, fjern {0}", signUp.Name], DateListPath);
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        // Told first: the withdrawal's SEQUENCE counts up on the sign-up being removed.
        await mail.SendAsync(signUp, Activity!, "signup-removed", signUp.HasPlace ? "CANCEL" : null, ct, note: trimmed);
        await mail.SendPromotionsAsync(await Places.CancelAsync(Db, signUp, Activity!, Clock.Zone, Clock.Now, ct), Activity!, ct);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = t["{0} er fjernet fra listen og har fått beskjed.", signUp.Name].Value;
        return Redirect(DateListPath);
    }

    public async Task<IActionResult> OnPostMoveAsync(long date, int signUpId, long? to, CancellationToken ct)
    {
        if (!await LoadAsync(date, ct))
        {
            return NotFound();
        }

        var target = OtherDates.FirstOrDefault(o => o.OriginalStart.UtcTicks == to);
        if (target is null)
        {
            ModelState.AddModelError($"to-{signUpId}", t["Velg en av de kommende datoene."]);
            return Page();
        }

        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var signUp = await Db.SignUps.SingleOrDefaultAsync(s => s.Id == signUpId && s.ActivityId == Activity!.Id && s.OccurrenceStart == Date.OriginalStart
            && s.Status != SignUpStatus.Cancelled, ct);
        if (signUp is null)
        {
            return NotFound();
        }

        var toLabel = LocalText(target.Start, "dddd d. MMMM 'kl.' HH:mm");
        if (!Confirmed)
        {
            await tx.RollbackAsync(ct);
            var left = await Places.LeftAsync(Db, Activity!, target.OriginalStart, ct);
            return AskToConfirm(t["Flytte {0} til {1}?", signUp.Name, toLabel],
                left is 0 ? t["Det er fullt {0}: {1} kommer på ventelisten der og får e-post om det.", toLabel, signUp.Name] : t["{0} får plass {1} og får e-post om det.", signUp.Name, toLabel],
                t["Ja, flytt {0}", signUp.Name], DateListPath);
        }

        var promoted = await Places.MoveAsync(Db, signUp, Activity!, target.OriginalStart, Clock.Zone, Clock.Now, ct);
        if (signUp.Email is not null)
        {
            await mail.SendAsync(signUp, Activity!, "signup-moved-by-organiser", signUp.HasPlace ? "REQUEST" : null, ct,
                note: signUp.HasPlace ? null : t["Det var fullt, så du står på venteliste og får beskjed om du får plass."].Value);
        }

        await mail.SendPromotionsAsync(promoted, Activity!, ct);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = signUp.HasPlace
            ? t["{0} er flyttet til {1} og har fått beskjed.", signUp.Name, toLabel].Value
            : t["{0} er flyttet til ventelisten {1} og har fått beskjed.", signUp.Name, toLabel].Value;
        return Redirect(DateListPath);
    }

    private async Task<bool> LoadAsync(long date, CancellationToken ct)
    {
        if (date <= 0 || date >= DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        var original = new DateTimeOffset(date, TimeSpan.Zero);
        if (Activity!.Find(Clock.Zone, original) is not { } occurrence)
        {
            return false;
        }

        Date = occurrence;
        Rows = await SignUpList.ForDateAsync(Db, Activity.Id, original, ct);
        OtherDates = [.. Activity.Occurrences(Clock.Zone, Clock.Now, Clock.Now.AddDays(180)).Where(o => !o.Cancelled && o.OriginalStart != original).Take(20)];
        return true;
    }
}
