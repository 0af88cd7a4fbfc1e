using Microsoft.EntityFrameworkCore;

namespace Frivillig.Web.Content;

/// <summary>
/// What a module needs to seed its demo content: the database (across municipalities), content/demo,
/// "now", and the municipalities with their districts. Demo dates are placed relative to now, so the
/// calendar is never empty whenever the app is started.
/// </summary>
public sealed class DemoContent(FrivilligDbContext db, ContentStore content, TimeProvider time, IServiceProvider services,
    IReadOnlyDictionary<string, Municipality> municipalities)
{
    public const string Password = "Frivillig-demo-2026";

    public FrivilligDbContext Db => db;

    public IServiceProvider Services => services;

    public DateTimeOffset Now => time.GetUtcNow();

    public TimeProvider Time => time;

    /// <summary>By slug, with districts.</summary>
    public IReadOnlyDictionary<string, Municipality> Municipalities => municipalities;

    /// <summary>A file under content/demo, or an empty list when there is none.</summary>
    public List<T> ReadList<T>(string file) => content.Read<List<T>>(Path.Combine("demo", file)) ?? [];

    public District District(string municipality, string slug) => municipalities[municipality].Districts.Single(d => d.Slug == slug);

    public Task<int> OrganisationIdAsync(string municipality, string slug)
    {
        var id = municipalities[municipality].Id;
        return db.Organisations.Where(o => o.MunicipalityId == id && o.Slug == slug).Select(o => o.Id).SingleAsync();
    }

    public Task<string> UserIdAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
    }
}
