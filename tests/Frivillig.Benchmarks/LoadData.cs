using Frivillig.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Benchmarks;

/// <summary>
/// The load the issue names: 10,000 published activities in one municipality, 2,000 of them weekly
/// series without end, the rest single dates spread over a year around now.
/// </summary>
public static class LoadData
{
    public static FrivilligDbContext Open(string databasePath, TenantContext tenant)
    {
        var options = new DbContextOptionsBuilder<FrivilligDbContext>()
            .UseFrivilligDatabase(DatabaseProvider.Sqlite, $"Data Source={databasePath}")
            .Options;
        return new FrivilligDbContext(options, tenant);
    }

    public static async Task SeedAsync(string databasePath, string municipalitySlug, int total = 10_000, int series = 2_000)
    {
        var tenant = new TenantContext();
        await using var db = Open(databasePath, tenant);
        await db.Database.MigrateAsync();
        using var system = tenant.EnterSystemScope();

        var municipality = await db.Municipalities.Include(m => m.Districts).SingleOrDefaultAsync(m => m.Slug == municipalitySlug);
        if (municipality is null)
        {
            municipality = new Municipality { Slug = municipalitySlug, Name = "Benkmark", CreatedAt = DateTimeOffset.UtcNow };
            for (var i = 0; i < 8; i++)
            {
                municipality.Districts.Add(new District { Slug = $"bydel-{i}", Name = $"Bydel {i}", Kind = DistrictKind.Bydel });
            }

            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync();
        }

        var organisation = new Organisation
        {
            MunicipalityId = municipality.Id,
            Slug = "last-" + Guid.NewGuid().ToString("N")[..8],
            Name = "Lasttest " + Guid.NewGuid().ToString("N")[..8],
            ContactName = "Last",
            ContactEmail = "last@eksempel.no",
        };
        organisation.Approve("lasttest", DateTimeOffset.UtcNow);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var zone = MunicipalClock.ZoneOf(municipality);
        var districts = municipality.Districts.Select(d => d.Id).ToArray();
        var categories = new[] { "mote-og-prat", "fysisk-aktivitet", "kultur", "mat", "laering" };
        var targets = new[] { "alle", "eldre", "barn", "ungdom", "voksne" };
        var random = new Random(42);
        // Words residents search for, so a search finds some activities and not all of them.
        string[] kinds = ["Kaffetreff", "Strikkekafé", "Turgruppe", "Leksehjelp", "Sjakkklubb", "Språkkafé", "Middag", "Seniordans", "Trim", "Korps",
            "Lesesirkel", "Digital hjelp", "Samtalegruppe", "Snekkerverksted", "Fotballtrening", "Kor", "Matlaging", "Bridge", "Hagelag", "Filmkveld"];
        string[] places = ["biblioteket", "bydelshuset", "kirkestua", "skolen", "frivilligsentralen", "idrettshallen", "kafeen", "ungdomsklubben"];
        string[] words = ["vafler", "bank", "helsenorge", "nabolaget", "familier", "pårørende", "nybegynnere", "erfarne", "barnevogn", "rullestol", "norsk", "arabisk", "somali", "ukrainsk"];
        var today = DateTime.UtcNow.Date;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < total; i++)
        {
            var isSeries = i < series;
            var day = isSeries ? today.AddDays(-random.Next(0, 365)) : today.AddDays(random.Next(-180, 180));
            var local = day.AddHours(random.Next(8, 21));
            var kind = kinds[random.Next(kinds.Length)];
            var place = places[random.Next(places.Length)];
            var details = new ActivityDetails($"{kind} på {place}", $"{kind} for {targets[i % targets.Length]}", $"Vi møtes på {place}. Tema: {words[random.Next(words.Length)]} og {words[random.Next(words.Length)]}.",
                categories[i % categories.Length], [targets[i % targets.Length]], [], null, $"{place} {i % 50}", null, i % 3 != 0, i % 3 == 0 ? 20 : null, null, true);
            var schedule = new Series(MunicipalClock.ToUtc(local, zone), MunicipalClock.ToUtc(local.AddHours(2), zone),
                new RecurrenceRule(isSeries ? RecurrenceFrequency.Weekly : RecurrenceFrequency.None));
            var activity = Activity.Draft(organisation.Id, districts[i % districts.Length], details, schedule, zone, DateTimeOffset.UtcNow);
            activity.MunicipalityId = municipality.Id;
            activity.Publish(DateTimeOffset.UtcNow);
            db.Activities.Add(activity);
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }
}
