using Frivillig.Web.Auth;
using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.Admin;

/// <summary>The municipality's administration (approval queue, roles, districts) and the platform's (municipalities).</summary>
public sealed class AdminModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin/Municipality", Policies.MunicipalityAdmin);
            o.Conventions.AuthorizeFolder("/Admin/Platform", Policies.PlatformAdmin);
        });
        builder.Services.AddNavigationLink(new("Kommuneadministrasjon", "admin", 80, ShowTo: me => me.IsMunicipalityAdminAsync()));
        builder.Services.AddMyPageSection("ApprovalQueue", 0);
        builder.Services.AddNavigationLink(new("Plattformadministrasjon", "admin/kommuner", 90, InMunicipality: false, ShowTo: me => Task.FromResult(me.IsPlatformAdmin)));
    }
}
