using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Frivillig.Web.Features.Activities;

/// <summary>
/// One activity on one A4 page for the notice board: what, when, where, who for, how to join (with a
/// phone number for those without internet), and a QR code to its page.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Calendar.CalendarCache.Policy)]
public sealed class PosterModel(FrivilligDbContext db, Catalog catalog, MunicipalClock clock, LinkBuilder links, Venues venues) : PageModel
{
    public Activity Activity { get; private set; } = default!;
    public IReadOnlyList<Occurrence> NextDates { get; private set; } = [];
    public Venue? Venue { get; private set; }
    public Catalog Catalog => catalog;
    public string PageUrl { get; private set; } = string.Empty;

    /// <summary>The QR code as SVG markup: drawn by the page itself, so it prints sharp at any size.</summary>
    public string QrSvg { get; private set; } = string.Empty;

    public string Slug => db.Tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.DateChanges).Include(a => a.District).Include(a => a.Organisation)
            .SingleOrDefaultAsync(a => a.Id == id && a.Status != ActivityStatus.Draft, ct);
        if (activity is null)
        {
            return NotFound();
        }

        Activity = activity;
        NextDates = [.. activity.Occurrences(clock.Zone, clock.Now, clock.Now.AddDays(120)).Where(o => o.End > clock.Now).Take(6)];
        Venue = await venues.FindAsync(activity.Id, ct);
        PageUrl = links.Absolute($"/{Slug}/aktiviteter/{activity.Id}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(PageUrl, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return Page();
    }

    public string LocalText(DateTimeOffset instant, string format) => clock.Text(instant, format);
}
