using Frivillig.Web.Hosting;

namespace Frivillig.Web.Features.Municipalities;

/// <summary>The municipalities and their districts as JSON. The municipalities themselves come from content/ at start-up.</summary>
public sealed class MunicipalitiesModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapMunicipalitiesApi();
}
