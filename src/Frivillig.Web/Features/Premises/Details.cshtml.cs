using System.Globalization;
using Frivillig.Model.Premises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Premises;

/// <summary>/{m}/lokaler/{id}: a building, its rooms, and each room's free and busy times for two weeks at a time.</summary>
public sealed class PremisesDetailsModel(FrivilligDbContext db, PremisesQuery query, MunicipalClock clock) : PageModel
{
    public const int Days = 14;

    public Municipality Municipality => db.Tenant.Required;
    public Building Building { get; private set; } = default!;
    public DateOnly From { get; private set; }
    public MunicipalClock Clock => clock;
    public IReadOnlyDictionary<int, IReadOnlyList<PremisesLabels.DayPlan>> Plans { get; private set; } = new Dictionary<int, IReadOnlyList<PremisesLabels.DayPlan>>();

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "fra")] string? fra, CancellationToken ct)
    {
        if (await query.BuildingAsync(id, ct) is not { } building)
        {
            return NotFound();
        }

        Building = building;
        var today = clock.Today;
        From = DateOnly.TryParseExact(fra, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) && f >= today && f <= today.AddDays(366) ? f : today;
        var busy = await query.BusyAsync(building.Rooms, clock.StartOf(From), clock.StartOf(From.AddDays(Days)), ct);
        var closed = await query.ClosedAsync(building.Rooms, clock.StartOf(From), clock.StartOf(From.AddDays(Days)), ct);
        var titles = await query.PublicActivityTitlesAsync(busy, ct);
        Plans = building.Rooms.ToDictionary(r => r.Id, r => PremisesLabels.Days(r, busy, titles, From, Days, clock, closed));
        return Page();
    }
}
