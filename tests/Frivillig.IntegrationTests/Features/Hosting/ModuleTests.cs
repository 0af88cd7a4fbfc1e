using Frivillig.IntegrationTests.Infrastructure;
using Frivillig.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.IntegrationTests.Features.Hosting;

/// <summary>The house: each feature folder has one module, and the app runs every module there is.</summary>
public sealed class ModuleTests(FrivilligApp app) : IClassFixture<FrivilligApp>
{
    private static readonly string FeaturesFolder = Path.Combine(IcalParsers.RepositoryRoot(), "src", "Frivillig.Web", "Features");

    /// <summary>Folders that hold shared pieces or plain pages, and so no module of their own.</summary>
    private static readonly string[] WithoutModule = ["Shared", "Home"];

    [Fact]
    public void Every_feature_folder_has_exactly_one_module_file()
    {
        foreach (var folder in Directory.GetDirectories(FeaturesFolder).Select(Path.GetFileName).Where(f => !WithoutModule.Contains(f)))
        {
            var modules = Directory.GetFiles(Path.Combine(FeaturesFolder, folder!), "*Module.cs", SearchOption.TopDirectoryOnly);
            Assert.True(modules.Length == 1, $"Features/{folder} has {modules.Length} module files");
        }
    }

    [Fact]
    public void Every_module_in_the_code_is_registered_and_each_once()
    {
        var declared = typeof(Program).Assembly.GetTypes().Where(t => typeof(IFeatureModule).IsAssignableFrom(t) && !t.IsAbstract).ToHashSet();
        var registered = app.Services.GetServices<IFeatureModule>().Select(m => m.GetType()).ToList();
        Assert.Equal(registered.Count, registered.Distinct().Count());
        Assert.Equal(declared.OrderBy(t => t.Name), registered.OrderBy(t => t.Name));
    }
}
