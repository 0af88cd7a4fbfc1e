using Frivillig.Model.Volunteering;
using Frivillig.Web.Auth;
using Frivillig.Web.Content;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Features.Feeds;
using Frivillig.Web.Hosting;
using Frivillig.Web.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Features.Volunteering;

/// <summary>
/// Volunteers: roles that say what the volunteer does and does not do, becoming ready for one
/// (profile, training, the declaration, politiattest), applying and approval, shifts with waitlist,
/// reminders, check-in and hours, the two-level briefing, and the volunteer's own data.
/// </summary>
public sealed class VolunteeringModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VolunteerContent>();
        builder.Services.AddScoped<VolunteerReadiness>();
        builder.Services.AddScoped<VolunteerMail>();
        builder.Services.AddSingleton<ShiftReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ShiftReminders>());
        builder.Services.AddScoped<IPersonalFeedSource, ShiftsInPersonalFeed>();
        builder.Services.AddPersonalDataSource<VolunteeringPersonalData>();
        builder.Services.AddRetentionRule<BriefingViewRetention>();
        builder.Services.AddMyPageSection("MyVolunteering", 25);
        builder.Services.AddNavigationLink(new("Bli frivillig", "frivillig", 40));
        builder.Services.AddAfterCommitHandler<ShiftChanged, VolunteerLive>();
        builder.Services.AddAfterCommitHandler<ShiftSignUpChanged, VolunteerLive>();
        builder.Services.AddHubScope(new HubScope(VolunteerLive.Scope, (db, key, _) =>
            int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? db.VolunteerRoles.AnyAsync(r => r.Id == id && r.Status == RoleStatus.Open)
                : Task.FromResult(false)));
        // The API's tag, described beside the others (the platform's transformer sets the list first).
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Tags ??= new HashSet<Microsoft.OpenApi.OpenApiTag>();
            document.Tags.Add(new Microsoft.OpenApi.OpenApiTag { Name = "Frivillige", Description = "Åpne frivilligroller: hva den frivillige gjør og ikke gjør, opplæring og krav." });
            return Task.CompletedTask;
        }));
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Volunteering/Profile");
            o.Conventions.AuthorizePage("/Volunteering/Training");
            o.Conventions.AuthorizePage("/Volunteering/Declaration");
            o.Conventions.AuthorizePage("/Volunteering/ShiftPage");
            o.Conventions.AuthorizePage("/Volunteering/Certificate");
            o.Conventions.AuthorizeFolder("/Volunteering/Manage", Policies.OrganisationCoordinator);
            o.Conventions.AddPageRoute("/Volunteering/Manage/EditRole", "{m}/organisasjoner/{orgId:int}/frivillig/roller/{id:int}");
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapVolunteeringApi();

    public async Task SeedDemoAsync(DemoContent demo, CancellationToken cancellationToken)
    {
        if (await demo.Db.VolunteerRoles.AnyAsync(cancellationToken))
        {
            return;
        }

        var file = demo.Services.GetRequiredService<ContentStore>().Read<DemoVolunteering>(Path.Combine("demo", "volunteering.json"));
        if (file is null)
        {
            return;
        }

        var content = demo.Services.GetRequiredService<VolunteerContent>();
        foreach (var r in file.Roles)
        {
            var municipality = demo.Municipalities[r.Municipality];
            var clock = MunicipalClock.For(municipality, demo.Time);
            var t = content.Templates.Single(x => x.Slug == r.Template);
            var details = new RoleDetails(t.Title, t.Description, t.TaskKind, null, demo.District(r.Municipality, r.District).Id, r.Place, t.MayDo, t.MayNotDo,
                r.ContactName, r.ContactEmail, r.StaffName, [r.StaffEmail], t.ExpectedTime, t.RequiredModules, t.NeedsDeclaration, t.InvolvesTrust, r.Languages,
                r.Days, r.TimesOfDay);
            var role = VolunteerRole.Draft(await demo.OrganisationIdAsync(r.Municipality, r.Organisation), details, demo.Now);
            role.MunicipalityId = municipality.Id;
            role.Open(demo.Now);
            demo.Db.VolunteerRoles.Add(role);
            await demo.Db.SaveChangesAsync(cancellationToken);

            var (_, _, monday) = clock.WeekOf(demo.Now);
            var first = monday.AddDays(7 + (((int)r.Days[0] + 6) % 7));
            var series = new Series(clock.ToUtc(first, r.ShiftStart), clock.ToUtc(first, r.ShiftEnd), new RecurrenceRule(RecurrenceFrequency.Weekly, Count: r.Weeks));
            demo.Db.Shifts.AddRange(Shift.Plan(role, series, r.Places, r.Place, clock.Zone, ShiftPlaces.NewCode, demo.Now));
        }

        var users = demo.Services.GetRequiredService<UserManager<AppUser>>();
        foreach (var v in file.Volunteers)
        {
            if (await users.FindByEmailAsync(v.Email) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = v.Email, Email = v.Email, EmailConfirmed = true, DisplayName = v.DisplayName, CreatedAt = demo.Now };
            var result = await users.CreateAsync(user, DemoContent.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo volunteer {v.Email}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
            }

            demo.Db.VolunteerProfiles.Add(new VolunteerProfile
            {
                MunicipalityId = demo.Municipalities[v.Municipality].Id, UserId = user.Id, Languages = v.Languages, Skills = v.Skills,
                Districts = "," + string.Join(',', v.Districts) + ",", NotifyOnNewRoles = v.NotifyOnNewRoles, UpdatedAt = demo.Now,
            });
        }

        await demo.Db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DemoVolunteering(List<DemoRole> Roles, List<DemoVolunteer> Volunteers);

    private sealed record DemoRole(string Municipality, string Organisation, string Template, string District, string ContactName, string ContactEmail,
        string StaffName, string StaffEmail, string Place, string? Languages, List<DayOfWeek> Days, TimeOfDay TimesOfDay, TimeOnly ShiftStart, TimeOnly ShiftEnd,
        int Places, int Weeks);

    private sealed record DemoVolunteer(string Email, string DisplayName, string Municipality, List<string> Districts, string? Languages, string? Skills, bool NotifyOnNewRoles);
}
