using System.ComponentModel.DataAnnotations;
using Frivillig.Model.Premises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Premises.Manage;

/// <summary>/{m}/lokaler/forvaltning/sesonger/{id?}: a premises manager creates or edits a season and its application deadline.</summary>
public sealed class SeasonEditModel(FrivilligDbContext db, MunicipalClock clock) : FormPageModel
{
    [BindProperty]
    public SeasonInput Input { get; set; } = new();

    public Municipality Municipality => db.Tenant.Required;
    public Season? Existing { get; private set; }

    public sealed class SeasonInput
    {
        [Display(Name = "Navn (for eksempel «Høst 2027»)")]
        [Required(ErrorMessage = "Skriv navnet på sesongen, for eksempel «Høst 2027».")]
        [StringLength(80, ErrorMessage = "Skriv høyst {1} tegn.")]
        [NoMarkup]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Første dag")]
        [Required(ErrorMessage = "Velg første dag.")]
        public DateOnly? StartsOn { get; set; }

        [Display(Name = "Siste dag")]
        [Required(ErrorMessage = "Velg siste dag.")]
        public DateOnly? EndsOn { get; set; }

        [Display(Name = "Søknadsfrist (siste dag organisasjonene kan søke)")]
        [Required(ErrorMessage = "Velg søknadsfristen.")]
        public DateOnly? ApplicationDeadline { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Existing is { } s)
        {
            // The deadline is stored as the first instant after the last day to apply.
            Input = new() { Name = s.Name, StartsOn = s.StartsOn, EndsOn = s.EndsOn, ApplicationDeadline = DateOnly.FromDateTime(clock.Local(s.ApplicationDeadline.AddMinutes(-1))) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var season = Existing ?? new Season { Name = string.Empty };
        var deadline = Input.ApplicationDeadline!.Value;
        season.Name = Input.Name.Trim();
        season.StartsOn = Input.StartsOn!.Value;
        season.EndsOn = Input.EndsOn!.Value;
        foreach (var problem in season.Problems(clock.Today, deadline))
        {
            ModelState.AddModelError("Input." + problem.Field, problem.Message);
        }

        if (Existing is not null && (season.StartsOn != Existing.StartsOn || season.EndsOn != Existing.EndsOn)
            && await db.Bookings.AnyAsync(b => b.SeasonId == Existing.Id && b.Status != BookingStatus.Rejected && b.Status != BookingStatus.Cancelled, ct))
        {
            ModelState.AddModelError("Input.StartsOn", "Sesongen har søknader eller tildelt fast tid, så datoene kan ikke endres. Navnet og fristen kan.");
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return Page();
        }

        season.ApplicationDeadline = clock.StartOf(deadline.AddDays(1));
        if (Existing is null)
        {
            db.Seasons.Add(season);
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/{Municipality.Slug}/lokaler/forvaltning/sesong/{season.Id}");
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            return true;
        }

        Existing = await db.Seasons.SingleOrDefaultAsync(s => s.Id == id, ct);
        return Existing is not null;
    }
}
