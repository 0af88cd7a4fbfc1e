using System.Globalization;
using System.Security.Cryptography;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// What a person has done towards a role in the request's municipality, and what is still missing;
/// the rule itself is <see cref="Readiness"/> in the model.
/// </summary>
public sealed class VolunteerReadiness(FrivilligDbContext db, VolunteerContent content)
{
    public async Task<IReadOnlyList<Missing>> MissingAsync(VolunteerRole role, string userId, CancellationToken ct)
    {
        var completions = await db.TrainingCompletions.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct);
        var signatures = await db.DeclarationSignatures.AsNoTracking().Where(s => s.UserId == userId && s.OrganisationId == role.OrganisationId).ToListAsync(ct);
        var attester = await db.Politiattester.AsNoTracking().Where(p => p.UserId == userId && p.OrganisationId == role.OrganisationId).ToListAsync(ct);
        return Readiness.For(role, content.ModuleVersions, completions, content.Declaration.Version, signatures, attester);
    }

    public Task<RoleApplication?> ApplicationAsync(int roleId, string userId, CancellationToken ct) =>
        db.RoleApplications.Where(a => a.RoleId == roleId && a.UserId == userId && a.Status != ApplicationStatus.Withdrawn)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
}

/// <summary>
/// Places on a shift: taken, freed and promoted under the shift's row lock (inside the caller's
/// transaction), so two volunteers never take the last place, on either database.
/// </summary>
public static class ShiftPlaces
{
    public static Task<int> TakenAsync(FrivilligDbContext db, int shiftId, CancellationToken ct) =>
        db.ShiftSignUps.CountAsync(s => s.ShiftId == shiftId && s.Status == ShiftSignUpStatus.Confirmed, ct);

    public static async Task<ShiftSignUp> TakeAsync(FrivilligDbContext db, Shift shift, string userId, DateTimeOffset now, CancellationToken ct)
    {
        await db.LockRowAsync<Shift>(shift.Id, ct);
        var signUp = ShiftSignUp.Take(shift, userId, await TakenAsync(db, shift.Id, ct) < shift.Places, now);
        db.ShiftSignUps.Add(signUp);
        await db.SaveChangesAsync(ct);
        return signUp;
    }

    /// <summary>"Kan ikke komme": the place goes to the first on the waitlist; returns who got it.</summary>
    public static async Task<ShiftSignUp?> CancelAsync(FrivilligDbContext db, Shift shift, ShiftSignUp signUp, DateTimeOffset now, CancellationToken ct)
    {
        await db.LockRowAsync<Shift>(shift.Id, ct);
        var hadPlace = signUp.HasPlace;
        signUp.Cancel(now);
        await db.SaveChangesAsync(ct);
        if (!hadPlace || shift.StartsAt <= now)
        {
            return null;
        }

        var next = await db.ShiftSignUps.Where(s => s.ShiftId == shift.Id && s.Status == ShiftSignUpStatus.Waitlisted)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (next is not null && await TakenAsync(db, shift.Id, ct) < shift.Places)
        {
            next.Promote(now);
            await db.SaveChangesAsync(ct);
        }

        return next?.HasPlace == true ? next : null;
    }

    public static string NewCode() => RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
}

/// <summary>The volunteering mail, queued on the caller's unit of work (sent after its commit).</summary>
public sealed class VolunteerMail(FrivilligDbContext db, Outbox outbox, LinkBuilder links, IStringLocalizer<SharedResource> t)
{
    private string Slug => db.Tenant.Required.Slug;

    public string When(Shift shift, MunicipalClock clock) => clock.Text(shift.StartsAt, "dddd d. MMMM 'kl.' HH:mm") + "–" + clock.Text(shift.EndsAt, "HH:mm");

    public string ShiftUrl(Shift shift) => links.Absolute($"/{Slug}/frivillig/vakter/{shift.Id}");

    public string RoleUrl(VolunteerRole role) => links.Absolute($"/{Slug}/frivillig/roller/{role.Id}");

    private static string Bullets(IEnumerable<string> items) => string.Join("\n", items.Select(i => "– " + i));

    /// <summary>Each of the staff who work with the volunteer gets their own copy.</summary>
    public void StaffBriefed(VolunteerRole role, string organisationName, string volunteerName, Shift shift, MunicipalClock clock)
    {
        foreach (var email in role.StaffEmails)
        {
            StaffBriefed(email, role, organisationName, volunteerName, shift, clock);
        }
    }

    private void StaffBriefed(string email, VolunteerRole role, string organisationName, string volunteerName, Shift shift, MunicipalClock clock) =>
        outbox.Enqueue(email, null, "volunteer-staff-briefed", new Dictionary<string, string?>
        {
            ["StaffNames"] = role.StaffNames, ["RoleTitle"] = role.Title, ["OrganisationName"] = organisationName, ["VolunteerName"] = volunteerName,
            ["When"] = When(shift, clock), ["Place"] = shift.Place, ["MayDo"] = Bullets(role.MayDo), ["MayNotDo"] = Bullets(role.MayNotDo),
            ["ContactName"] = role.ContactName, ["ContactEmail"] = role.ContactEmail,
        });

    public void CannotCome(VolunteerRole role, string volunteerName, Shift shift, string? promotedName, MunicipalClock clock) =>
        outbox.Enqueue(role.ContactEmail, role.ContactName, "volunteer-cannot-come", new Dictionary<string, string?>
        {
            ["ContactName"] = role.ContactName, ["VolunteerName"] = volunteerName, ["When"] = When(shift, clock), ["RoleTitle"] = role.Title,
            ["Promoted"] = promotedName is null ? t["Ingen på ventelisten fikk plassen."] : t["{0} på ventelisten har fått plassen.", promotedName],
            ["ShiftUrl"] = links.Absolute($"/{Slug}/organisasjoner/{role.OrganisationId}/frivillig/vakter/{shift.Id}"),
        });

    public void Promoted(string email, string name, VolunteerRole role, Shift shift, MunicipalClock clock) =>
        outbox.Enqueue(email, name, "volunteer-promoted", new Dictionary<string, string?>
        {
            ["Name"] = name, ["When"] = When(shift, clock), ["RoleTitle"] = role.Title, ["Place"] = shift.Place, ["ShiftUrl"] = ShiftUrl(shift),
        });

    public void ApplicationReceived(VolunteerRole role, string volunteerName) =>
        outbox.Enqueue(role.ContactEmail, role.ContactName, "volunteer-application-received", new Dictionary<string, string?>
        {
            ["VolunteerName"] = volunteerName, ["RoleTitle"] = role.Title,
            ["ManageUrl"] = links.Absolute($"/{Slug}/organisasjoner/{role.OrganisationId}/frivillig/roller/{role.Id}/frivillige"),
        });

    public void Approved(string email, string name, VolunteerRole role, string organisationName) =>
        outbox.Enqueue(email, name, "volunteer-approved", new Dictionary<string, string?>
        {
            ["Name"] = name, ["RoleTitle"] = role.Title, ["OrganisationName"] = organisationName, ["RoleUrl"] = RoleUrl(role),
            ["ContactName"] = role.ContactName, ["ContactEmail"] = role.ContactEmail,
        });

    public void RoleOpened(string email, string name, VolunteerRole role, string organisationName, string where) =>
        outbox.Enqueue(email, name, "volunteer-role-opened", new Dictionary<string, string?>
        {
            ["Name"] = name, ["RoleTitle"] = role.Title, ["OrganisationName"] = organisationName, ["Where"] = where, ["RoleUrl"] = RoleUrl(role),
            ["ProfileUrl"] = links.Absolute($"/{Slug}/frivillig/profil"),
        });

    public void Reminder(string email, string name, VolunteerRole role, Shift shift, MunicipalClock clock, string municipalitySlug) =>
        outbox.Enqueue(email, name, "volunteer-reminder", new Dictionary<string, string?>
        {
            ["Name"] = name, ["When"] = When(shift, clock), ["RoleTitle"] = role.Title, ["Place"] = shift.Place,
            ["ShiftUrl"] = links.Absolute($"/{municipalitySlug}/frivillig/vakter/{shift.Id}"),
        });

    public void ShiftCancelled(string email, string name, string organisationName, VolunteerRole role, Shift shift, MunicipalClock clock) =>
        outbox.Enqueue(email, name, "volunteer-shift-cancelled", new Dictionary<string, string?>
        {
            ["Name"] = name, ["OrganisationName"] = organisationName, ["When"] = When(shift, clock), ["RoleTitle"] = role.Title, ["Place"] = shift.Place,
            ["RoleUrl"] = RoleUrl(role),
        });

    public void Message(string email, string name, string organisationName, string senderName, string about, string subject, string body) =>
        outbox.Enqueue(email, name, "volunteer-message", new Dictionary<string, string?>
        {
            ["Name"] = name, ["OrganisationName"] = organisationName, ["SenderName"] = senderName, ["About"] = about, ["Subject"] = subject, ["Body"] = body,
        });
}
