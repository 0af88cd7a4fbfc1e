using Frivillig.Web.Hosting;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Frivillig.Web.Content;

/// <summary>
/// At start-up: migrate, switch SQLite to WAL, load municipalities and districts from content/,
/// and let each feature's module seed its demo content when asked to.
/// </summary>
public static class StartupLoader
{
    public static async Task MigrateAndLoadContentAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<FrivilligDbContext>();
        var options = services.GetRequiredService<IOptions<FrivilligOptions>>().Value;
        var content = services.GetRequiredService<ContentStore>();
        var time = services.GetRequiredService<TimeProvider>();
        using var system = db.Tenant.EnterSystemScope();

        if (db.Database.IsSqlite())
        {
            EnsureSqliteFolder(db.Database.GetConnectionString(), app.Environment.ContentRootPath);
        }

        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a booking or sign-up writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await LoadMunicipalitiesAsync(db, content, time);

        if (options.SeedDemoData ?? app.Environment.IsDevelopment())
        {
            var municipalities = await db.Municipalities.Include(m => m.Districts).ToDictionaryAsync(m => m.Slug);
            var demo = new DemoContent(db, content, time, services, municipalities);
            foreach (var module in services.GetServices<IFeatureModule>())
            {
                await module.SeedDemoAsync(demo, CancellationToken.None);
            }
        }

        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("Frivillig:PublicBaseUrl is not set: links in mail and feeds use the address the server listens on. Set it to the address residents use.");
        }

        await Auth.OpenIdConnect.RegisterClientsAsync(services, options.PublicBaseUrl);
        services.GetRequiredService<MunicipalityDirectory>().Invalidate();
    }

    private static void EnsureSqliteFolder(string? connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var full = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }
    }

    private static async Task LoadMunicipalitiesAsync(FrivilligDbContext db, ContentStore content, TimeProvider time)
    {
        foreach (var file in content.ReadAll<MunicipalityContent>("municipalities"))
        {
            var municipality = await db.Municipalities.Include(m => m.Districts).SingleOrDefaultAsync(m => m.Slug == file.Slug);
            if (municipality is null)
            {
                municipality = new Municipality { Slug = file.Slug, Name = file.Name, CreatedAt = time.GetUtcNow() };
                db.Municipalities.Add(municipality);
            }

            municipality.Name = file.Name;
            municipality.TimeZoneId = file.TimeZoneId ?? "Europe/Oslo";
            municipality.Description = file.Description;
            // Contact details are the content's defaults: once the municipality's admin has set them, they stay.
            municipality.ContactEmail ??= file.ContactEmail;
            municipality.ContactPhone ??= file.ContactPhone;
            municipality.ContactAddress ??= file.ContactAddress;
            foreach (var d in file.Districts)
            {
                var district = municipality.Districts.SingleOrDefault(x => x.Slug == d.Slug);
                if (district is null)
                {
                    municipality.Districts.Add(new District { Slug = d.Slug, Name = d.Name, Kind = d.Kind, Address = d.Address, Phone = d.Phone });
                }
                else
                {
                    district.Name = d.Name;
                    district.Kind = d.Kind;
                    district.Address ??= d.Address;
                    district.Phone ??= d.Phone;
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private sealed record MunicipalityContent(string Slug, string Name, string? TimeZoneId, string? Description, List<DistrictContent> Districts,
        string? ContactEmail = null, string? ContactPhone = null, string? ContactAddress = null);

    private sealed record DistrictContent(string Slug, string Name, DistrictKind Kind, string? Address = null, string? Phone = null);
}
