using Frivillig.Web.Content;
using Microsoft.EntityFrameworkCore;
using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Accounts;

/// <summary>Registering, signing in, Min side; the demo accounts and their municipal roles.</summary>
public sealed class AccountsModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Accounts/MyPage");
            o.Conventions.AuthorizePage("/Accounts/AcceptInvitation");
            o.Conventions.AuthorizePage("/Accounts/MyData");
        });
        builder.Services.AddPersonalDataSource<AccountPersonalData>();
        builder.Services.AddPersonalDataSource<SignUpsPersonalData>();
    }

    public async Task SeedDemoAsync(DemoContent demo, CancellationToken cancellationToken)
    {
        if (await demo.Db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var users = demo.Services.GetRequiredService<UserManager<AppUser>>();
        foreach (var a in demo.ReadList<DemoAccount>("accounts.json"))
        {
            var user = new AppUser { UserName = a.Email, Email = a.Email, EmailConfirmed = true, DisplayName = a.DisplayName, IsPlatformAdmin = a.PlatformAdmin, CreatedAt = demo.Now };
            var result = await users.CreateAsync(user, DemoContent.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {a.Email}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
            }

            foreach (var r in a.MunicipalityRoles)
            {
                demo.Db.MunicipalityRoles.Add(new MunicipalityRoleAssignment { MunicipalityId = demo.Municipalities[r.Municipality].Id, UserId = user.Id, Role = r.Role });
            }
        }

        await demo.Db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DemoAccount(string Email, string DisplayName, bool PlatformAdmin = false)
    {
        public List<DemoMunicipalityRole> MunicipalityRoles { get; init; } = [];
    }

    private sealed record DemoMunicipalityRole(string Municipality, MunicipalityRole Role);
}
