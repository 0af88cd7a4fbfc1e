using System.Globalization;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>One training module: its text and a short quiz; every answer right records the module at its current version.</summary>
public sealed class TrainingModel(FrivilligDbContext db, CurrentUser me, VolunteerContent content, TimeProvider time, IStringLocalizer<SharedResource> t) : FormPageModel
{
    public TrainingModule Module { get; private set; } = default!;
    public bool Completed { get; private set; }

    /// <summary>The role the person came from, to go back to; only a number is accepted.</summary>
    [FromQuery(Name = "rolle")]
    public int? ReturnRole { get; set; }

    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    public IActionResult OnGet(string? module) => Load(module) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCompletedAsync(string? module, CancellationToken ct)
    {
        if (!Load(module))
        {
            return NotFound();
        }

        var userId = me.RequiredId;
        Completed = await db.TrainingCompletions.AnyAsync(c => c.UserId == userId && c.ModuleSlug == module && c.Version >= Module.Version, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? module, CancellationToken ct)
    {
        if (!Load(module))
        {
            return NotFound();
        }

        for (var i = 0; i < Module.Quiz.Count; i++)
        {
            var answer = i < Answers.Count ? Answers[i] : null;
            var key = $"Answers[{i}]";
            if (answer is null || !int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) || chosen >= Module.Quiz[i].Options.Count)
            {
                ModelState.AddModelError(key, t["Svar på spørsmål {0}.", i + 1]);
            }
            else if (chosen != Module.Quiz[i].Answer)
            {
                ModelState.AddModelError(key, t["Spørsmål {0}: ikke helt. Les avsnittet igjen og prøv på nytt.", i + 1]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = me.RequiredId;
        if (!await db.TrainingCompletions.AnyAsync(c => c.UserId == userId && c.ModuleSlug == module && c.Version == Module.Version, ct))
        {
            db.TrainingCompletions.Add(new TrainingCompletion { UserId = userId, ModuleSlug = module, Version = Module.Version, CompletedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }

        TempData["Status"] = t["Du har fullført «{0}».", Module.Title].Value;
        var slug = db.Tenant.Required.Slug;
        return Redirect(ReturnRole is { } role and > 0 ? $"/{slug}/frivillig/roller/{role}#status" : $"/{slug}/frivillig/opplaering/{module}?handler=Completed");
    }

    private bool Load([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? module)
    {
        if (module is null || module.Length > 80 || !content.Modules.TryGetValue(module, out var m))
        {
            return false;
        }

        Module = m;
        return true;
    }
}
