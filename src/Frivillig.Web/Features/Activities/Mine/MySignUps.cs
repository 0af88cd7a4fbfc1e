using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities.Mine;

/// <summary>A coming date someone signed up for, in any municipality.</summary>
public sealed record MySignUp(int Id, string MunicipalitySlug, string MunicipalityName, int ActivityId, string Title, string When, bool HasPlace, string? Waiting);

/// <summary>
/// Min side: the sign-ups made with the person's confirmed e-mail address, in every municipality, from
/// now on; each with its activity and a way to cancel. Sign-ups are made without an account, so the
/// confirmed address is what ties them to the person.
/// </summary>
public sealed class MySignUpsViewComponent(FrivilligDbContext db, CurrentUser me, TimeProvider time,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var id = me.RequiredId;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Email, u.EmailConfirmed }).SingleAsync(HttpContext.RequestAborted);
        var rows = user is { EmailConfirmed: true, Email: { } email } ? await FindAsync(email, HttpContext.RequestAborted) : [];
        return View("~/Features/Activities/Mine/MySignUps.cshtml", rows);
    }

    private async Task<IReadOnlyList<MySignUp>> FindAsync(string email, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // The person's own rows across municipalities: the filter is lifted with their address in the query.
        var signUps = await db.SignUps.IgnoreQueryFilters().AsNoTracking()
            .Include(s => s.WaitlistedDates).Include(s => s.Activity!).ThenInclude(a => a.DateChanges)
            .Where(s => s.Email == email && s.Status != SignUpStatus.Cancelled && s.Activity!.Status != ActivityStatus.Draft
                && (s.OccurrenceStart == null ? s.Activity.SeriesEndsAt == null || s.Activity.SeriesEndsAt > now : s.OccurrenceStart > now.AddHours(-12)))
            .AsSplitQuery() // two collections (waitlisted dates, date changes): one join would multiply the rows
            .ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var rows = new List<(DateTimeOffset Sort, MySignUp Row)>();
        foreach (var s in signUps)
        {
            var municipality = municipalities[s.MunicipalityId];
            var clock = MunicipalClock.For(municipality, time);
            var activity = s.Activity!;
            DateTimeOffset sort;
            string when;
            if (s.OccurrenceStart is { } original)
            {
                var occurrence = activity.Find(clock.Zone, original);
                sort = occurrence?.Start ?? original;
                when = clock.Text(sort, "dddd d. MMMM 'kl.' HH:mm") + (occurrence?.Cancelled == true ? " – " + t["Avlyst"] : string.Empty);
            }
            else
            {
                var next = activity.Occurrences(clock.Zone, now, now.AddYears(1)).FirstOrDefault(o => !o.Cancelled);
                sort = next?.Start ?? now;
                when = next is null ? t["alle datoene i serien"] : t["hele serien, neste gang {0}", clock.Text(next.Start, "dddd d. MMMM 'kl.' HH:mm")];
            }

            var waiting = s.Status == SignUpStatus.Confirmed && s.WaitlistedDates.Count > 0
                ? string.Join(", ", s.WaitlistedDates.Where(w => w.OccurrenceStart > now).Select(w => clock.Text(w.OccurrenceStart, "d. MMM")))
                : null;
            rows.Add((sort, new MySignUp(s.Id, municipality.Slug, municipality.Name, activity.Id, activity.Status == ActivityStatus.Cancelled ? $"{activity.Title} ({t["Avlyst"]})" : activity.Title,
                when, s.HasPlace, string.IsNullOrEmpty(waiting) ? null : waiting)));
        }

        return [.. rows.OrderBy(r => r.Sort).Select(r => r.Row)];
    }
}
