using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Tenancy;

/// <summary>Rows point only at rows of their own municipality, and every entity is either tenant-owned or shared on purpose.</summary>
public sealed class TenantReferencesTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    /// <summary>Shared across municipalities, each for a reason. An entity that is neither on this list nor tenant-owned fails the test below.</summary>
    private static readonly HashSet<string> Shared =
    [
        nameof(Municipality),              // the tenant itself
        nameof(AppUser),                   // a person can serve in several municipalities
        nameof(OutboxMessage),             // mail waiting to be sent, whoever it concerns
        "IdentityRole", "IdentityUserClaim`1", "IdentityUserLogin`1", "IdentityUserToken`1", "IdentityUserRole`1", "IdentityRoleClaim`1",
        "OpenIddictEntityFrameworkCoreApplication", "OpenIddictEntityFrameworkCoreAuthorization", "OpenIddictEntityFrameworkCoreScope", "OpenIddictEntityFrameworkCoreToken",
    ];

    [Fact]
    public async Task Every_entity_is_tenant_owned_or_on_the_shared_list()
    {
        var types = await app.DbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(t => t.ClrType).ToList()));
        var unaccounted = types.Where(t => !typeof(ITenantOwned).IsAssignableFrom(t) && !Shared.Contains(t.Name)).Select(t => t.FullName).ToList();
        Assert.True(unaccounted.Count == 0, "Neither tenant-owned nor on the shared list: " + string.Join(", ", unaccounted));
    }

    [Fact]
    public async Task An_activity_cannot_point_at_another_municipalitys_district_even_from_the_system_scope()
    {
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.DbAsync(async db =>
        {
            var tromso = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Tromso);
            var lunnerDistrict = await db.Districts.Where(d => d.Slug == "harestua").Select(d => d.Id).SingleAsync();
            var rodeKors = await db.Organisations.Where(o => o.Slug == Demo.RodeKors).Select(o => o.Id).SingleAsync();
            var clock = MunicipalClock.For(tromso, app.Clock);
            var start = clock.ToUtc(app.Today.AddDays(3), new TimeOnly(18, 0));
            var activity = Activity.Draft(rodeKors, lunnerDistrict, new ActivityDetails("Krysser grensen", null, null, "mat", ["alle"], [], null, "Et sted", null, true, null, null, true),
                new Series(start, start.AddHours(1), RecurrenceRule.Once), clock.Zone, clock.Now);
            activity.MunicipalityId = tromso.Id;
            db.Activities.Add(activity);
            return await db.SaveChangesAsync();
        }));
        Assert.NotNull(error);
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task A_membership_cannot_join_an_organisation_of_another_municipality()
    {
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.DbAsync(async db =>
        {
            var kristiansand = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Kristiansand);
            var rodeKors = await db.Organisations.Where(o => o.Slug == Demo.RodeKors).Select(o => o.Id).SingleAsync();
            var volunteer = await db.Users.Where(u => u.Email == Demo.Volunteer).Select(u => u.Id).SingleAsync();
            db.Memberships.Add(new OrganisationMembership { MunicipalityId = kristiansand.Id, OrganisationId = rodeKors, UserId = volunteer, Role = OrganisationRole.Admin });
            return await db.SaveChangesAsync();
        }));
        Assert.False(await app.DbAsync(db => db.Memberships.AnyAsync(m => m.Organisation!.Slug == Demo.RodeKors && m.Role == OrganisationRole.Admin && m.MunicipalityId != m.Organisation.MunicipalityId)));
    }
}
