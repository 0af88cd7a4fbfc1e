using System.Net;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.IntegrationTests.Features.Admin;

public sealed class PlatformAdminTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static Dictionary<string, string> Form(string name, string slug, string admin = Demo.Volunteer) =>
        new() { ["Input.Name"] = name, ["Input.Slug"] = slug, ["Input.AdminEmail"] = admin };

    private Task<List<MunicipalityRole>> RolesAsync(string email, int municipalityId) => app.DbAsync(db =>
        db.MunicipalityRoles.Where(r => r.MunicipalityId == municipalityId)
            .Join(db.Users.Where(u => u.Email == email), r => r.UserId, u => u.Id, (r, u) => r.Role).ToListAsync());

    [Fact]
    public async Task Platform_admin_creates_a_municipality_that_is_served_at_once()
    {
        var session = await app.SignInAsync(Demo.PlatformAdmin);
        var response = await session.PostFormAsync("/admin/kommuner", Form("Bodø", "bodo"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Bodø", await app.NewSession().GetHtmlAsync("/bodo"));
        Assert.Contains("href=\"/bodo\"", await app.NewSession().GetHtmlAsync("/"));
        var bodo = await app.DbAsync(db => db.Municipalities.SingleAsync(m => m.Slug == "bodo"));
        Assert.Equal("Bodø", bodo.Name);
        Assert.Equal([MunicipalityRole.Admin], await RolesAsync(Demo.Volunteer, bodo.Id));

        // The named account became its admin.
        var admin = await app.SignInAsync(Demo.Volunteer);
        Assert.Contains("Kommuneadministrasjon", await admin.GetHtmlAsync("/bodo/admin"));
    }

    [Theory]
    [InlineData("Tromsø 2", Demo.Tromso, "finnes allerede")]
    [InlineData("Konto", "konto", "reservert")]
    [InlineData("Store bokstaver", "Store", "små bokstaver")]
    [InlineData("<b>Fet</b>", "fet", "HTML-kode")]
    [InlineData("Ukjent admin", "ukjent", "Ingen konto")]
    public async Task Bad_municipality_gets_an_error_and_changes_nothing(string name, string slug, string message)
    {
        var session = await app.SignInAsync(Demo.PlatformAdmin);
        var before = await app.DbAsync(db => db.Municipalities.CountAsync());
        var response = await session.PostFormAsync("/admin/kommuner", Form(name, slug, name == "Ukjent admin" ? "finnes.ikke@eksempel.no" : Demo.Volunteer));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await WebSession.HtmlOf(response));
        Assert.Equal(before, await app.DbAsync(db => db.Municipalities.CountAsync()));
    }

    [Fact]
    public async Task Only_a_platform_admin_may_create_municipalities()
    {
        var session = await app.SignInAsync(Demo.TromsoAdmin);
        var before = await app.DbAsync(db => db.Municipalities.CountAsync());
        var response = await session.PostFormAsync("/admin/kommuner", Form("Narvik", "narvik"), formPage: "/");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await app.DbAsync(db => db.Municipalities.CountAsync()));
    }

    [Fact]
    public async Task Municipality_admin_adds_a_district_and_grants_a_premises_manager()
    {
        var session = await app.SignInAsync(Demo.LunnerAdmin);
        var add = await session.PostFormAsync("/lunner/admin?handler=AddDistrict", new() { ["NewDistrict.Name"] = "Gran grense", ["NewDistrict.Kind"] = "Distriktssenter" });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.Contains("Gran grense", await app.NewSession().GetHtmlAsync("/lunner"));
        var lunner = await app.DbAsync(db => db.Municipalities.Where(m => m.Slug == Demo.Lunner).Select(m => m.Id).SingleAsync());
        Assert.Equal(DistrictKind.Distriktssenter, await app.DbAsync(db => db.Districts.Where(d => d.MunicipalityId == lunner && d.Name == "Gran grense").Select(d => d.Kind).SingleAsync()));

        var districts = await app.DbAsync(db => db.Districts.CountAsync());
        var duplicate = await session.PostFormAsync("/lunner/admin?handler=AddDistrict", new() { ["NewDistrict.Name"] = "Harestua", ["NewDistrict.Kind"] = "Distriktssenter" });
        Assert.Contains("har allerede", await WebSession.HtmlOf(duplicate));
        Assert.Equal(districts, await app.DbAsync(db => db.Districts.CountAsync()));

        var grant = await session.PostFormAsync("/lunner/admin?handler=GrantRole", new() { ["Grant.Email"] = Demo.Member, ["Grant.Role"] = "PremisesManager" });
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        Assert.Contains("Mette Medlem", await session.GetHtmlAsync("/lunner/admin"));
        Assert.Equal([MunicipalityRole.PremisesManager], await RolesAsync(Demo.Member, lunner));
    }

    [Fact]
    public async Task An_empty_form_gets_errors_beside_the_fields_and_creates_nothing()
    {
        var session = await app.SignInAsync(Demo.PlatformAdmin);
        var before = await app.DbAsync(db => db.Municipalities.CountAsync());
        var response = await session.PostFormAsync("/admin/kommuner", Form(string.Empty, string.Empty, string.Empty));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await WebSession.HtmlOf(response);
        Assert.Contains("Skriv navnet på kommunen.", html);
        Assert.Contains("Skriv adressen kommunen skal ha.", html);
        Assert.Contains("Skriv e-postadressen til kommuneadministratoren.", html);
        Assert.Equal(before, await app.DbAsync(db => db.Municipalities.CountAsync()));
    }
}
