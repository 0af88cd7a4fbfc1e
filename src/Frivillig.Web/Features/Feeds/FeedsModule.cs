using Frivillig.Web.Hosting;

namespace Frivillig.Web.Features.Feeds;

/// <summary>iCalendar feeds of the URL contract: the municipality, a district, an organisation, a category, one activity, one date, a person's own.</summary>
public sealed class FeedsModule : IFeatureModule
{
    public void AddServices(WebApplicationBuilder builder) =>
        builder.Services.AddScoped<IPersonalFeedSource, SignUpsInPersonalFeed>();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapFeeds();
}
