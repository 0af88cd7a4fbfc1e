using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Tenancy;

public sealed class TenantIsolationTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    [Fact]
    public async Task Admin_of_one_municipality_cannot_approve_another_municipality_organisation()
    {
        // A pending organisation in Kristiansand, attacked from Tromsø's admin page with its id.
        var id = await app.DbAsync(async db =>
        {
            var k = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Kristiansand);
            var o = new Organisation { MunicipalityId = k.Id, Slug = "venter-i-kristiansand", Name = "Venter i Kristiansand", ContactName = "A", ContactEmail = "a@eksempel.no" };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

        var tromsoAdmin = await app.SignInAsync(Demo.TromsoAdmin);
        var response = await tromsoAdmin.PostFormAsync($"/tromso/admin?handler=Approve&organisationId={id}", new() { ["bekreftet"] = "ja" }, formPage: "/tromso/admin");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApprovalStatus.Pending, await app.DbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));

        // Nor through the other municipality's own page, where the admin has no role.
        var direct = await tromsoAdmin.PostFormAsync($"/kristiansand/admin?handler=Approve&organisationId={id}", new() { ["bekreftet"] = "ja" }, formPage: "/tromso/admin");
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
        Assert.Equal(ApprovalStatus.Pending, await app.DbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
        using var page = await tromsoAdmin.Client.GetAsync("/kristiansand/admin");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task Organisation_page_by_id_of_another_municipality_is_404()
    {
        var lunnerOrg = await app.OrganisationIdAsync(Demo.LunnerSportsClub);
        using var response = await app.NewSession().Client.GetAsync($"/tromso/organisasjoner/{lunnerOrg}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Member_of_one_organisation_cannot_invite_to_another()
    {
        // koordinator is admin of Røde Kors, not of Kirkens Bymisjon.
        var session = await app.SignInAsync(Demo.Coordinator);
        var other = await app.OrganisationIdAsync(Demo.Bymisjonen);
        var before = await app.DbAsync(db => db.Invitations.CountAsync());
        var response = await session.PostFormAsync($"/tromso/organisasjoner/{other}/inviter", new() { ["Invite.Email"] = "inntrenger@eksempel.no", ["Invite.Role"] = "Admin" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await app.DbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Coordinator_is_not_an_organisation_admin_and_cannot_invite()
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        var mentalHelse = await app.OrganisationIdAsync(Demo.MentalHelse);
        var before = await app.DbAsync(db => db.Invitations.CountAsync());
        var response = await session.PostFormAsync($"/tromso/organisasjoner/{mentalHelse}/inviter", new() { ["Invite.Email"] = "x@eksempel.no", ["Invite.Role"] = "Admin" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await app.DbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Organisation_of_another_municipality_gets_404_when_inviting()
    {
        var session = await app.SignInAsync(Demo.Coordinator);
        var lunnerOrg = await app.OrganisationIdAsync(Demo.LunnerSportsClub);
        var before = await app.DbAsync(db => db.Invitations.CountAsync());
        var response = await session.PostFormAsync($"/tromso/organisasjoner/{lunnerOrg}/inviter", new() { ["Invite.Email"] = "x@eksempel.no", ["Invite.Role"] = "Admin" }, formPage: "/tromso");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await app.DbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task A_query_without_a_municipality_sees_no_tenant_rows()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        Assert.Empty(await db.Organisations.ToListAsync());
        Assert.Empty(await db.Districts.ToListAsync());
    }

    [Fact]
    public async Task A_query_in_one_municipality_sees_only_its_rows()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        db.Tenant.Set(await db.Municipalities.SingleAsync(m => m.Slug == Demo.Lunner));
        var slugs = await db.Organisations.Select(o => o.Slug).ToListAsync();
        Assert.Contains(Demo.LunnerSportsClub, slugs);
        Assert.DoesNotContain(Demo.RodeKors, slugs);
    }

    [Fact]
    public async Task Writing_another_municipality_row_throws_and_saves_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        var tromso = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Tromso);
        var lunner = await db.Municipalities.SingleAsync(m => m.Slug == Demo.Lunner);
        db.Tenant.Set(tromso);
        db.Districts.Add(new District { MunicipalityId = lunner.Id, Slug = "snik", Name = "Snik" });
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        Assert.False(await app.DbAsync(d => d.Districts.AnyAsync(x => x.Slug == "snik")));
    }

    [Fact]
    public async Task Writing_with_no_municipality_throws()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        db.Districts.Add(new District { MunicipalityId = 1, Slug = "uten", Name = "Uten" });
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        Assert.False(await app.DbAsync(d => d.Districts.AnyAsync(x => x.Slug == "uten")));
    }
}
