using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Activities.Manage;

/// <summary>One person on one date's list: for that date, or for the whole series.</summary>
public sealed record SignUpRow(int Id, string Name, string? Email, string? Phone, bool Series, bool HasPlace, DateTimeOffset CreatedAt, DateTimeOffset? Date);

/// <summary>
/// Who is signed up for what, as the organiser's lists show and export them. A whole-series sign-up is on
/// every date's list: with a place, or on the waitlist for the dates that were full.
/// </summary>
public static class SignUpList
{
    public static async Task<IReadOnlyList<SignUpRow>> ForDateAsync(FrivilligDbContext db, int activityId, DateTimeOffset date, CancellationToken ct)
    {
        var rows = await db.SignUps.AsNoTracking().Include(s => s.WaitlistedDates)
            .Where(s => s.ActivityId == activityId && s.Status != SignUpStatus.Cancelled && (s.OccurrenceStart == date || s.OccurrenceStart == null))
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(ct);
        return [.. rows.Select(s => new SignUpRow(s.Id, s.Name, s.Email, s.Phone, s.IsSeries, s.HasPlaceOn(date), s.CreatedAt, s.OccurrenceStart))
            .OrderBy(r => r.HasPlace ? 0 : 1)];
    }

    public static async Task<IReadOnlyList<SignUp>> AllAsync(FrivilligDbContext db, int activityId, CancellationToken ct) =>
        await db.SignUps.AsNoTracking().Include(s => s.WaitlistedDates)
            .Where(s => s.ActivityId == activityId && s.Status != SignUpStatus.Cancelled)
            .OrderBy(s => s.OccurrenceStart).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(ct);

    /// <summary>
    /// CSV a spreadsheet opens as it is: UTF-8 with a byte-order mark (so æøå survive), semicolons (the
    /// list separator of Norwegian Excel), every field quoted, CRLF. A cell that starts like a formula
    /// (= + - @, tab, CR) gets a leading apostrophe, so a name like =HYPERLINK(...) stays text (OWASP's
    /// advice against CSV injection).
    /// </summary>
    public static byte[] Csv(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        Line(header);
        foreach (var row in rows)
        {
            Line(row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];

        void Line(IEnumerable<string?> cells)
        {
            sb.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
        }
    }

    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string FileName(string title, string suffix)
    {
        var slug = Slugs.From(title);
        return string.Create(CultureInfo.InvariantCulture, $"pameldte-{(slug.Length == 0 ? "aktivitet" : slug)}{suffix}.csv");
    }
}
