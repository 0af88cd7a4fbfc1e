using Frivillig.Model.Volunteering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>/{m}/frivillig: the open roles, with filters for district, kind of task, language, day and time of day.</summary>
public sealed class RolesModel(FrivilligDbContext db) : PageModel
{
    [FromQuery(Name = "district")]
    public string? District { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "language")]
    public string? Language { get; set; }

    [FromQuery(Name = "day")]
    public string? Day { get; set; }

    [FromQuery(Name = "time")]
    public string? Time { get; set; }

    public string? FilterError { get; private set; }
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];
    public IReadOnlyList<District> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        if (!RoleFilter.TryParse(District, Kind, Language, Day, Time, out var filter, out var error))
        {
            FilterError = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Roles = await filter.ApplyAsync(db, ct);
    }
}
