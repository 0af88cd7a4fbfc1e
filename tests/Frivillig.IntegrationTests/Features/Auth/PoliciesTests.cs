using System.Net;
using System.Security.Claims;
using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Auth;

/// <summary>Policies on page folders read the organisation and municipality from the route, and say no when either is missing.</summary>
public sealed class PoliciesTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private async Task<bool> AuthorizeAsync(string policy, string email, string? municipality, string? organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var userId = await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
        var http = new DefaultHttpContext { RequestServices = services, User = user };
        if (organisationId is not null)
        {
            http.Request.RouteValues[Policies.OrganisationRouteKey] = organisationId;
        }

        if (municipality is not null)
        {
            var tenant = services.GetRequiredService<TenantContext>();
            tenant.Set(await app.DbAsync(db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Slug == municipality)));
        }

        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        return (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, http, policy)).Succeeded;
    }

    [Fact]
    public async Task An_organisation_policy_fails_closed_without_the_organisation_or_the_municipality()
    {
        var rodeKors = (await app.OrganisationIdAsync(Demo.RodeKors)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await AuthorizeAsync(Policies.OrganisationAdmin, Demo.Coordinator, Demo.Tromso, rodeKors));
        Assert.False(await AuthorizeAsync(Policies.OrganisationAdmin, Demo.Coordinator, Demo.Tromso, null));
        Assert.False(await AuthorizeAsync(Policies.OrganisationAdmin, Demo.Coordinator, null, rodeKors));
        Assert.False(await AuthorizeAsync(Policies.OrganisationAdmin, Demo.Coordinator, Demo.Tromso, "ikke-et-tall"));
        Assert.False(await AuthorizeAsync(Policies.OrganisationAdmin, Demo.Coordinator, Demo.Kristiansand, rodeKors));
    }

    [Fact]
    public async Task Organisation_roles_are_ordered_member_coordinator_admin()
    {
        var mentalHelse = (await app.OrganisationIdAsync(Demo.MentalHelse)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await AuthorizeAsync(Policies.OrganisationMember, Demo.Coordinator, Demo.Tromso, mentalHelse));
        Assert.True(await AuthorizeAsync(Policies.OrganisationCoordinator, Demo.Coordinator, Demo.Tromso, mentalHelse));
        Assert.False(await AuthorizeAsync(Policies.OrganisationAdmin, Demo.Coordinator, Demo.Tromso, mentalHelse));
    }

    [Fact]
    public async Task Municipal_roles_hold_only_in_their_own_municipality()
    {
        Assert.True(await AuthorizeAsync(Policies.MunicipalityAdmin, Demo.TromsoAdmin, Demo.Tromso, null));
        Assert.False(await AuthorizeAsync(Policies.MunicipalityAdmin, Demo.TromsoAdmin, Demo.Kristiansand, null));
        Assert.False(await AuthorizeAsync(Policies.MunicipalityAdmin, Demo.TromsoAdmin, null, null));
        Assert.True(await AuthorizeAsync(Policies.PremisesManager, Demo.TromsoPremisesManager, Demo.Tromso, null));
        Assert.False(await AuthorizeAsync(Policies.PremisesManager, Demo.TromsoAdmin, Demo.Tromso, null));
    }

    [Fact]
    public async Task A_member_may_see_the_organisations_activities_but_not_manage_them()
    {
        var member = await app.SignInAsync(Demo.Member);
        var bymisjonen = await app.OrganisationIdAsync(Demo.Bymisjonen);
        Assert.Contains("Aktivitetene til", await member.GetHtmlAsync($"/tromso/organisasjoner/{bymisjonen}/aktiviteter"));
        await member.GetHtmlAsync($"/tromso/organisasjoner/{bymisjonen}/aktiviteter/ny", HttpStatusCode.Forbidden);
        var before = await app.DbAsync(db => db.Activities.CountAsync());
        using var post = await member.PostFormAsync($"/tromso/organisasjoner/{bymisjonen}/aktiviteter/ny?handler=Save",
            await new Activities.ActivityForm { Title = "Ikke lov" }.FieldsAsync(app), formPage: $"/tromso/organisasjoner/{bymisjonen}/aktiviteter");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await app.DbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task Another_municipalitys_organisation_is_not_found_not_forbidden()
    {
        var coordinator = await app.SignInAsync(Demo.Coordinator);
        var lunner = await app.OrganisationIdAsync(Demo.LunnerSportsClub);
        await coordinator.GetHtmlAsync($"/tromso/organisasjoner/{lunner}/aktiviteter/ny", HttpStatusCode.NotFound);
        await coordinator.GetHtmlAsync($"/tromso/organisasjoner/{lunner}/inviter", HttpStatusCode.NotFound);
    }
}
