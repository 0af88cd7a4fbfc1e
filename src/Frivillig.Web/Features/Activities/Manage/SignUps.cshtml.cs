using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Activities.Manage;

/// <summary>
/// Who signed up: each coming date with its counts (cancelled dates marked) and a link to its own list,
/// and the whole-series sign-ups. Printable, and exportable as CSV.
/// </summary>
public sealed class SignUpsModel(FrivilligDbContext db, MunicipalClock clock, IStringLocalizer<SharedResource> t) : ManageActivityPage(db, clock)
{
    public IReadOnlyList<SignUp> SignUps { get; private set; } = [];
    public IReadOnlyList<(Occurrence Date, int Confirmed, int Waiting)> Dates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SignUps = await SignUpList.AllAsync(Db, Activity!.Id, ct);
        var dates = Activity.Occurrences(Clock.Zone, Clock.Now.AddDays(-7), Clock.Now.AddDays(180)).Take(40).ToList();
        Dates = [.. dates.Select(d =>
        {
            var forDate = SignUps.Where(s => s.OccurrenceStart == d.OriginalStart || s.IsSeries).ToList();
            return (d, forDate.Count(s => s.HasPlaceOn(d.OriginalStart)), forDate.Count(s => !s.HasPlaceOn(d.OriginalStart)));
        })];
    }

    /// <summary>Everyone, with the date each signed up for; a whole-series sign-up lists the full dates it waits for.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var all = await SignUpList.AllAsync(Db, Activity!.Id, ct);
        var rows = all.Select(s => new[]
        {
            s.Name, s.Email, s.Phone,
            s.OccurrenceStart is { } d ? Clock.Text(Activity.Find(Clock.Zone, d)?.Start ?? d, "yyyy-MM-dd HH:mm") : t["Hele serien"].Value,
            s.Status == SignUpStatus.Waitlisted ? t["Venteliste"].Value : s.WaitlistedDates.Count > 0
                ? t["Bekreftet, venteliste {0}", string.Join(", ", s.WaitlistedDates.Select(w => Clock.Text(w.OccurrenceStart, "yyyy-MM-dd")))].Value
                : t["Bekreftet"].Value,
            Clock.Text(s.CreatedAt, "yyyy-MM-dd HH:mm"),
        });
        return File(SignUpList.Csv([t["Navn"], t["E-post"], t["Telefon"], t["Dato"], t["Status"], t["Påmeldt"]], rows), "text/csv; charset=utf-8",
            SignUpList.FileName(Activity.Title, string.Empty));
    }
}
