using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Model.Volunteering;
using Frivillig.Web.Features.Volunteering;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Volunteering;

/// <summary>Roles, shifts and volunteers for the volunteering tests, made through the model's own methods.</summary>
internal static class VolunteerScene
{
    public const string StaffEmail = "ansatt.test@frivillig.test";
    public const string ContactEmail = "kontakt.test@frivillig.test";

    /// <summary>The answers that pass each module's quiz (content/training).</summary>
    public static readonly Dictionary<string, int[]> RightAnswers = new(StringComparer.Ordinal)
    {
        ["rollen-som-frivillig"] = [1, 1, 0],
        ["taushetsplikt-og-informasjonsdeling"] = [1, 0, 1],
        ["sykdomsforstaelse"] = [1, 1],
        ["aldring-og-demens"] = [1, 1],
    };

    /// <summary>An open role in Tromsø with one shift <paramref name="daysAhead"/> days from now at 12:00–14:00; returns the role and shift ids.</summary>
    public static Task<(int RoleId, int ShiftId, int OrgId)> RoleAsync(FrivilligApp app, string title, string district = "tromsoya", string[]? modules = null,
        bool declaration = true, bool trust = false, int places = 2, int daysAhead = 3, string organisation = Demo.RodeKors, string municipality = Demo.Tromso,
        string staffEmail = StaffEmail) =>
        app.DbAsync(async db =>
        {
            var m = await db.Municipalities.SingleAsync(x => x.Slug == municipality);
            var clock = MunicipalClock.For(m, app.Clock);
            var orgId = await db.Organisations.Where(o => o.MunicipalityId == m.Id && o.Slug == organisation).Select(o => o.Id).SingleAsync();
            var districtId = await db.Districts.Where(d => d.MunicipalityId == m.Id && d.Slug == district).Select(d => d.Id).SingleAsync();
            var details = new RoleDetails(title, "En rolle for testene.", "besok", null, districtId, "Testsenteret", ["Prate og gå tur"], ["Gi medisiner"],
                "Kari Kontakt", ContactEmail, "Anne Ansatt", [staffEmail], "2 timer i uken", modules ?? ["rollen-som-frivillig", "taushetsplikt-og-informasjonsdeling"],
                declaration, trust, "norsk", [], TimeOfDay.None);
            var role = VolunteerRole.Draft(orgId, details, clock.Now);
            role.MunicipalityId = m.Id;
            role.Open(clock.Now);
            db.VolunteerRoles.Add(role);
            await db.SaveChangesAsync();
            var start = clock.ToUtc(app.Today.AddDays(daysAhead), new TimeOnly(12, 0));
            var shift = Shift.Plan(role, new Series(start, start.AddHours(2), RecurrenceRule.Once), places, "Testsenteret", clock.Zone, () => "123456", clock.Now).Single();
            db.Shifts.Add(shift);
            await db.SaveChangesAsync();
            return (role.Id, shift.Id, orgId);
        });

    public static Task<string> UserIdAsync(FrivilligApp app, string email) =>
        app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task<string> NewVolunteerAsync(FrivilligApp app, string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = app.Clock.GetUtcNow() };
        var result = await users.CreateAsync(user, FrivilligApp.DemoPassword);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    /// <summary>Training, declaration and approval straight into the database, for tests about what comes after.</summary>
    public static Task ReadyAndApprovedAsync(FrivilligApp app, string userId, int roleId, bool declaration = true, bool training = true) => app.DbAsync(async db =>
    {
        var role = await db.VolunteerRoles.SingleAsync(r => r.Id == roleId);
        var content = app.Services.GetRequiredService<VolunteerContent>();
        var now = app.Clock.GetUtcNow();
        if (training)
        {
            foreach (var module in role.RequiredModules.Where(m => !db.TrainingCompletions.Any(c => c.UserId == userId && c.ModuleSlug == m && c.MunicipalityId == role.MunicipalityId)))
            {
                db.TrainingCompletions.Add(new TrainingCompletion { MunicipalityId = role.MunicipalityId, UserId = userId, ModuleSlug = module, Version = content.Modules[module].Version, CompletedAt = now });
            }
        }

        if (declaration)
        {
            db.DeclarationSignatures.Add(new DeclarationSignature
            {
                MunicipalityId = role.MunicipalityId, UserId = userId, OrganisationId = role.OrganisationId, RoleId = role.Id, Version = content.Declaration.Version,
                SignedAt = now, SignedName = "Test",
            });
        }

        var application = RoleApplication.Apply(role, userId, null, now);
        db.RoleApplications.Add(application);
        await db.SaveChangesAsync();
        if (training && declaration)
        {
            application.Approve([], "test", now);
        }
        else
        {
            // Approved earlier, under a version that has since changed: the shift page must still hold back.
            typeof(RoleApplication).GetProperty(nameof(RoleApplication.Status))!.SetValue(application, ApplicationStatus.Approved);
        }

        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>A place on a shift, straight into the database.</summary>
    public static Task<int> TakeAsync(FrivilligApp app, string userId, int shiftId) => app.DbAsync(async db =>
    {
        var shift = await db.Shifts.SingleAsync(s => s.Id == shiftId);
        var signUp = ShiftSignUp.Take(shift, userId, room: true, app.Clock.GetUtcNow());
        db.ShiftSignUps.Add(signUp);
        await db.SaveChangesAsync();
        return signUp.Id;
    });

    public static Dictionary<string, string> Quiz(string module) =>
        RightAnswers[module].Select((a, i) => (Key: $"Answers[{i}]", Value: a.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToDictionary(x => x.Key, x => x.Value);
}
