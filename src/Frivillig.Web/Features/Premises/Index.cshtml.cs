using Frivillig.Model.Premises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Premises;

/// <summary>/{m}/lokaler: the municipality's premises by district, with the same filters as the API.</summary>
public sealed class PremisesListModel(FrivilligDbContext db, PremisesQuery query, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    [FromQuery(Name = "capacity")] public string? Capacity { get; set; }
    [FromQuery(Name = "equipment")] public List<string> Equipment { get; set; } = [];
    [FromQuery(Name = "accessibility")] public List<string> Accessibility { get; set; } = [];
    [FromQuery(Name = "date")] public string? Date { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }

    public Municipality Municipality => db.Tenant.Required;
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public IReadOnlyList<Building> Buildings { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public bool HasActiveFilters { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        var (filter, errors) = PremisesApi.Parse(Kind, District, Capacity, string.Join(',', Equipment), string.Join(',', Accessibility), Date, From, To, t);
        foreach (var (key, messages) in errors)
        {
            Errors[key] = string.Join(" ", messages);
        }

        if (filter?.District is { } district && !Districts.Any(d => d.Slug == district))
        {
            Errors["district"] = t["Ukjent bydel."];
            filter = null;
        }

        HasActiveFilters = Request.Query.Count > 0;
        Buildings = filter is null ? [] : await query.BuildingsAsync(filter, MunicipalClock.ZoneOf(Municipality), ct);
    }
}
