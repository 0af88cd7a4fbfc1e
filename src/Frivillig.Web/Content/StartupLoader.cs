using Frivillig.Web.Features.Accounts;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Frivillig.Web.Content;

/// <summary>
/// At start-up: migrate, switch SQLite to WAL, load municipalities and districts from content/,
/// and seed demo organisations and accounts on an empty database when asked to.
/// </summary>
public static class StartupLoader
{
    public const string DemoPassword = "Frivillig-demo-2026";

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

        var seed = options.SeedDemoData ?? app.Environment.IsDevelopment();
        if (seed && !await db.Organisations.AnyAsync())
        {
            await SeedDemoAsync(db, content, services.GetRequiredService<UserManager<AppUser>>(), time);
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
            foreach (var d in file.Districts)
            {
                var district = municipality.Districts.SingleOrDefault(x => x.Slug == d.Slug);
                if (district is null)
                {
                    municipality.Districts.Add(new District { Slug = d.Slug, Name = d.Name, Kind = d.Kind });
                }
                else
                {
                    district.Name = d.Name;
                    district.Kind = d.Kind;
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private static async Task SeedDemoAsync(FrivilligDbContext db, ContentStore content, UserManager<AppUser> users, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var municipalities = await db.Municipalities.Include(m => m.Districts).ToDictionaryAsync(m => m.Slug);
        var organisations = content.Read<List<DemoOrganisation>>("demo/organisations.json") ?? [];
        foreach (var o in organisations)
        {
            var m = municipalities[o.Municipality];
            db.Organisations.Add(new Organisation
            {
                MunicipalityId = m.Id,
                Slug = o.Slug,
                Name = o.Name,
                Kind = o.Kind,
                OrganisationNumber = o.OrganisationNumber,
                Description = o.Description,
                ContactName = o.ContactName,
                ContactEmail = o.ContactEmail,
                Status = o.Status,
                CreatedAt = now,
                DecidedAt = o.Status == ApprovalStatus.Pending ? null : now,
                Districts = [.. o.Districts.Select(slug => new OrganisationDistrict { MunicipalityId = m.Id, DistrictId = m.Districts.Single(d => d.Slug == slug).Id })],
            });
        }

        await db.SaveChangesAsync();
        var orgIds = await db.Organisations.ToDictionaryAsync(o => (o.MunicipalityId, o.Slug), o => o.Id);

        foreach (var a in content.Read<List<DemoAccount>>("demo/accounts.json") ?? [])
        {
            var user = new AppUser
            {
                UserName = a.Email,
                Email = a.Email,
                EmailConfirmed = true,
                DisplayName = a.DisplayName,
                IsPlatformAdmin = a.PlatformAdmin,
                CreatedAt = now,
            };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {a.Email}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
            }

            foreach (var r in a.MunicipalityRoles)
            {
                db.MunicipalityRoles.Add(new MunicipalityRoleAssignment { MunicipalityId = municipalities[r.Municipality].Id, UserId = user.Id, Role = r.Role });
            }

            foreach (var ms in a.Memberships)
            {
                var mId = municipalities[ms.Municipality].Id;
                db.Memberships.Add(new OrganisationMembership
                {
                    MunicipalityId = mId,
                    OrganisationId = orgIds[(mId, ms.Organisation)],
                    UserId = user.Id,
                    Role = ms.Role,
                    JoinedAt = now,
                });
            }
        }

        await db.SaveChangesAsync();
        await SeedDemoActivitiesAsync(db, content, time, municipalities, orgIds);
    }

    /// <summary>Demo activities are placed relative to today, so the calendar is never empty: series start three weeks back.</summary>
    private static async Task SeedDemoActivitiesAsync(FrivilligDbContext db, ContentStore content, TimeProvider time,
        Dictionary<string, Municipality> municipalities, Dictionary<(int, string), int> orgIds)
    {
        var now = time.GetUtcNow();
        foreach (var d in content.Read<List<DemoActivity>>("demo/activities.json") ?? [])
        {
            var m = municipalities[d.Municipality];
            var zone = ActivityCalendar.Zone(m);
            var (_, _, monday) = ActivityCalendar.WeekOf(now, zone);
            var offset = ((int)d.Weekday + 6) % 7;
            var firstDate = monday.AddDays(offset - (d.Frequency == RecurrenceFrequency.None ? -7 : 21));
            var activity = new Activity
            {
                MunicipalityId = m.Id,
                OrganisationId = orgIds[(m.Id, d.Organisation)],
                DistrictId = m.Districts.Single(x => x.Slug == d.District).Id,
                Title = d.Title,
                Summary = d.Summary,
                Description = d.Description,
                CategorySlug = d.Category,
                TargetGroups = Activity.JoinSlugs(d.Targets),
                Accessibility = Activity.JoinSlugs(d.Accessibility),
                Languages = d.Languages,
                Place = d.Place,
                StartsAt = Recurrence.ToUtc(firstDate.ToDateTime(d.Start), zone),
                EndsAt = Recurrence.ToUtc(firstDate.ToDateTime(d.End), zone),
                Frequency = d.Frequency,
                IsDropIn = d.DropIn,
                Capacity = d.Capacity,
                PriceNok = d.PriceNok,
                RusfriDeclared = true,
                Status = ActivityStatus.Published,
                Sequence = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (d.CancelNext)
            {
                var next = Recurrence.Starts(activity, zone, now, now.AddDays(14)).First();
                activity.DateChanges.Add(new DateChange { MunicipalityId = m.Id, OriginalStart = next, Cancelled = true, Note = "Stengt denne uken." });
            }

            activity.SeriesEndsAt = Recurrence.SeriesEnd(activity, zone);
            db.Activities.Add(activity);
        }

        await db.SaveChangesAsync();
    }

    private sealed record DemoActivity(string Municipality, string Organisation, string District, string Title, string? Summary, string? Description,
        string Category, List<string> Targets, List<string> Accessibility, string Place, DayOfWeek Weekday, TimeOnly Start, TimeOnly End,
        RecurrenceFrequency Frequency, bool DropIn, int? Capacity = null, decimal? PriceNok = null, string? Languages = null, bool CancelNext = false);

    private sealed record MunicipalityContent(string Slug, string Name, string? TimeZoneId, string? Description, List<DistrictContent> Districts);

    private sealed record DistrictContent(string Slug, string Name, DistrictKind Kind);

    private sealed record DemoOrganisation(string Municipality, string Slug, string Name, OrganisationKind Kind, string? OrganisationNumber,
        string? Description, string ContactName, string ContactEmail, List<string> Districts, ApprovalStatus Status);

    private sealed record DemoAccount(string Email, string DisplayName, bool PlatformAdmin = false)
    {
        public List<DemoMunicipalityRole> MunicipalityRoles { get; init; } = [];
        public List<DemoMembership> Memberships { get; init; } = [];
    }

    private sealed record DemoMunicipalityRole(string Municipality, MunicipalityRole Role);

    private sealed record DemoMembership(string Municipality, string Organisation, OrganisationRole Role);
}
