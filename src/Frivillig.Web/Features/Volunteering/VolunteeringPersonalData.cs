using Frivillig.Model.Volunteering;
using Frivillig.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// Volunteering's share of a person's data, in every municipality: profiles, training, declarations,
/// politiattest records, applications, shifts and hours, and the briefings they were shown. On
/// deletion the personal rows go; hours stay on their shifts as anonymous counts.
/// </summary>
internal sealed class VolunteeringPersonalData(FrivilligDbContext db, TimeProvider time) : IPersonalDataSource
{
    public string Name => "frivillig";

    public async Task<object?> ExportAsync(AppUser user, CancellationToken ct)
    {
        var id = user.Id;
        // The person's own rows across municipalities: the filter is lifted with their id in each query.
        // Keys and values in Norwegian, as the person reads them on the pages; enums are translated after the query.
        var profiles = await db.VolunteerProfiles.IgnoreQueryFilters().AsNoTracking().Where(p => p.UserId == id).ToListAsync(ct);
        var applications = await db.RoleApplications.IgnoreQueryFilters().AsNoTracking().Where(a => a.UserId == id)
            .Select(a => new { Rolle = a.Role!.Title, a.Message, a.Status, a.AppliedAt, a.DecidedAt }).ToListAsync(ct);
        var shifts = await db.ShiftSignUps.IgnoreQueryFilters().AsNoTracking().Where(s => s.UserId == id)
            .Select(s => new { Rolle = s.Shift!.Role!.Title, Start = s.Shift.StartsAt, Slutt = s.Shift.EndsAt, s.Status, Sjekket = s.CheckedInAt, Timer = s.Hours, Godkjent = s.HoursApprovedAt })
            .ToListAsync(ct);
        return new
        {
            Profiler = profiles.Select(p => new
            {
                KommuneId = p.MunicipalityId, Telefon = p.Phone, Sprak = p.Languages, Ferdigheter = p.Skills,
                Bydeler = p.Districts.Split(',', StringSplitOptions.RemoveEmptyEntries),
                Dager = p.Days.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(d => int.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 6 ? VolunteerLabels.Day((DayOfWeek)n) : d).ToList(),
                Tider = VolunteerLabels.Times.Where(t => p.TimesOfDay.HasFlag(t)).Select(VolunteerLabels.Time).ToList(),
                Tilgjengelighet = p.Availability, VarsleOmNyeRoller = p.NotifyOnNewRoles, Oppdatert = p.UpdatedAt,
            }).ToList(),
            Opplaering = await db.TrainingCompletions.IgnoreQueryFilters().AsNoTracking().Where(c => c.UserId == id)
                .Select(c => new { Modul = c.ModuleSlug, Versjon = c.Version, Fullfort = c.CompletedAt }).ToListAsync(ct),
            Taushetserklaeringer = await db.DeclarationSignatures.IgnoreQueryFilters().AsNoTracking().Where(s => s.UserId == id)
                .Select(s => new { OrganisasjonId = s.OrganisationId, Rolle = s.RoleId, Versjon = s.Version, Signert = s.SignedAt, Navn = s.SignedName }).ToListAsync(ct),
            Politiattester = await db.Politiattester.IgnoreQueryFilters().AsNoTracking().Where(p => p.UserId == id)
                .Select(p => new { OrganisasjonId = p.OrganisationId, Vist = p.ShownOn, SettAv = p.SeenByName, Registrert = p.RecordedAt }).ToListAsync(ct),
            Soknader = applications.Select(a => new { a.Rolle, Melding = a.Message, Status = VolunteerLabels.Status(a.Status), Sokt = a.AppliedAt, Avgjort = a.DecidedAt }).ToList(),
            Vakter = shifts.Select(s => new { s.Rolle, s.Start, s.Slutt, Status = SignUpStatus(s.Status), s.Sjekket, s.Timer, s.Godkjent }).ToList(),
            OrienteringerLest = await db.BriefingViews.IgnoreQueryFilters().AsNoTracking().Where(v => v.UserId == id)
                .Select(v => new { Vakt = v.ShiftId, Lest = v.ViewedAt }).ToListAsync(ct),
        };
    }

    private static string SignUpStatus(ShiftSignUpStatus status) => status switch
    {
        ShiftSignUpStatus.Confirmed => "Påmeldt",
        ShiftSignUpStatus.Waitlisted => "På venteliste",
        _ => "Avmeldt",
    };

    public async Task EraseAsync(AppUser user, CancellationToken ct)
    {
        var id = user.Id;
        await db.VolunteerProfiles.IgnoreQueryFilters().Where(p => p.UserId == id).ExecuteDeleteAsync(ct);
        await db.TrainingCompletions.IgnoreQueryFilters().Where(c => c.UserId == id).ExecuteDeleteAsync(ct);
        await db.DeclarationSignatures.IgnoreQueryFilters().Where(s => s.UserId == id).ExecuteDeleteAsync(ct);
        await db.Politiattester.IgnoreQueryFilters().Where(p => p.UserId == id).ExecuteDeleteAsync(ct);
        await db.BriefingViews.IgnoreQueryFilters().Where(v => v.UserId == id).ExecuteUpdateAsync(u => u.SetProperty(v => v.UserId, (string?)null), ct);
        foreach (var application in await db.RoleApplications.IgnoreQueryFilters().Where(a => a.UserId == id).ToListAsync(ct))
        {
            application.Anonymise();
        }

        // Coming shifts free their places; past ones keep their hours without the person.
        var now = time.GetUtcNow();
        foreach (var signUp in await db.ShiftSignUps.IgnoreQueryFilters().Include(s => s.Shift).Where(s => s.UserId == id).ToListAsync(ct))
        {
            if (signUp.Shift!.StartsAt > now)
            {
                signUp.Cancel(now);
            }

            signUp.Anonymise();
        }

        await db.SaveChangesAsync(ct);
    }
}
