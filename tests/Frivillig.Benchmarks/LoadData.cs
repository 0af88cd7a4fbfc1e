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
            Status = ApprovalStatus.Approved,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var zone = ActivityCalendar.Zone(municipality);
        var districts = municipality.Districts.Select(d => d.Id).ToArray();
        var categories = new[] { "mote-og-prat", "fysisk-aktivitet", "kultur", "mat", "laering" };
        var targets = new[] { "alle", "eldre", "barn", "ungdom", "voksne" };
        var random = new Random(42);
        var today = DateTime.UtcNow.Date;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < total; i++)
        {
            var isSeries = i < series;
            var day = isSeries ? today.AddDays(-random.Next(0, 365)) : today.AddDays(random.Next(-180, 180));
            var local = day.AddHours(random.Next(8, 21));
            var activity = new Activity
            {
                MunicipalityId = municipality.Id,
                OrganisationId = organisation.Id,
                DistrictId = districts[i % districts.Length],
                Title = $"Aktivitet {i}",
                Summary = "Lasttest",
                CategorySlug = categories[i % categories.Length],
                TargetGroups = Activity.JoinSlugs([targets[i % targets.Length]]),
                Place = "Et sted",
                StartsAt = Recurrence.ToUtc(local, zone),
                EndsAt = Recurrence.ToUtc(local.AddHours(2), zone),
                Frequency = isSeries ? RecurrenceFrequency.Weekly : RecurrenceFrequency.None,
                IsDropIn = i % 3 != 0,
                Capacity = i % 3 == 0 ? 20 : null,
                RusfriDeclared = true,
                Status = ActivityStatus.Published,
                Sequence = 1,
            };
            activity.SeriesEndsAt = Recurrence.SeriesEnd(activity, zone);
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
