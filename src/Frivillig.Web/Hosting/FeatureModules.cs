using Frivillig.Web.Content;

namespace Frivillig.Web.Hosting;

/// <summary>
/// A feature's one entry point, in its own folder: the services it registers (with its page
/// conventions, after-commit handlers, hub scopes and menu links), the endpoints it maps, and the
/// demo content it adds. Program.cs lists the modules; a new feature is a folder with its module,
/// one line in Program.cs, and its DbSets.
/// </summary>
public interface IFeatureModule
{
    void AddServices(WebApplicationBuilder builder);

    /// <summary>Minimal APIs and feeds; Razor Pages find their pages themselves.</summary>
    void MapEndpoints(IEndpointRouteBuilder app)
    {
    }

    /// <summary>
    /// Demo content for this feature, when Frivillig:SeedDemoData is on and the feature has none yet.
    /// Modules seed in the order Program.cs lists them, so a later one finds an earlier one's rows.
    /// </summary>
    Task SeedDemoAsync(DemoContent demo, CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class FeatureModules
{
    public static WebApplicationBuilder AddModule<TModule>(this WebApplicationBuilder builder)
        where TModule : IFeatureModule, new()
    {
        var module = new TModule();
        module.AddServices(builder);
        builder.Services.AddSingleton<IFeatureModule>(module);
        return builder;
    }

    public static WebApplication MapModules(this WebApplication app)
    {
        foreach (var module in app.Services.GetServices<IFeatureModule>())
        {
            module.MapEndpoints(app);
        }

        return app;
    }
}
