using Frivillig.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Frivillig.Web.Features.About;

/// <summary>
/// What the site says about itself: the accessibility statement (tilgjengelighetserklæring) and the
/// privacy statement (personvernerklæring), from content/pages, at the root and under each
/// municipality (where they name the municipality's contact).
/// </summary>
public sealed class AboutModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder) =>
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            // Only the four addresses below; not the page's folder path as well.
            o.Conventions.AddPageRouteModelConvention("/About/Statement", model => model.Selectors.Clear());
            o.Conventions.AddPageRoute("/About/Statement", "tilgjengelighet");
            o.Conventions.AddPageRoute("/About/Statement", "{m}/tilgjengelighet");
            o.Conventions.AddPageRoute("/About/Statement", "personvern");
            o.Conventions.AddPageRoute("/About/Statement", "{m}/personvern");
        });

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
