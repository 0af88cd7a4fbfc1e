using System.Security.Cryptography;
using System.Text;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Calendar;
using Frivillig.Web.Features.Organisations;
using Frivillig.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Frivillig.Web.Features.Feeds;

/// <summary>
/// The public iCalendar feeds of the URL contract (HEAD too: <see cref="HeadAsGet"/>). Kept by the compressed cache (gzip
/// and Brotli made once per change, an ETag per encoding, 304s); a change to an activity evicts them.
/// </summary>
public static class FeedsEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/ical").WithTags("Kalenderabonnement").CacheCompressed()
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/calendar"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified), new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound));
        feeds.MapGet("/{m}.ics", (HttpContext http, FrivilligDbContext db, Catalog catalog, LinkBuilder links, CancellationToken ct) =>
            ServeAsync(http, db, catalog, links, db.Tenant.Required.Name, q => q, ct))
            .WithName("MunicipalityFeed").WithSummary("Alle publiserte aktiviteter i kommunen");
        feeds.MapGet("/{m}/districts/{slug}.ics", async (string slug, HttpContext http, FrivilligDbContext db, Catalog catalog, LinkBuilder links, CancellationToken ct) =>
            await db.Districts.Where(d => d.Slug == slug).Select(d => d.Name).SingleOrDefaultAsync(ct) is { } name
                ? await ServeAsync(http, db, catalog, links, $"{name} ({db.Tenant.Required.Name})", q => q.Where(a => a.District!.Slug == slug), ct)
                : Results.NotFound())
            .WithName("DistrictFeed").WithSummary("Aktivitetene i én bydel eller ett distriktssenter");
        feeds.MapGet("/{m}/organisations/{slug}.ics", async (string slug, HttpContext http, FrivilligDbContext db, Catalog catalog, LinkBuilder links, CancellationToken ct) =>
            await db.Organisations.Where(o => o.Slug == slug && o.Status == ApprovalStatus.Approved).Select(o => o.Name).SingleOrDefaultAsync(ct) is { } name
                ? await ServeAsync(http, db, catalog, links, name, q => q.Where(a => a.Organisation!.Slug == slug), ct)
                : Results.NotFound())
            .WithName("OrganisationFeed").WithSummary("Aktivitetene til én organisasjon");
        feeds.MapGet("/{m}/categories/{slug}.ics", async (string slug, HttpContext http, FrivilligDbContext db, Catalog catalog, LinkBuilder links, CancellationToken ct) =>
            catalog.Categories.FirstOrDefault(c => c.Slug == slug) is { } category
                ? await ServeAsync(http, db, catalog, links, $"{category.Name} ({db.Tenant.Required.Name})", q => q.Where(a => a.CategorySlug == slug), ct)
                : Results.NotFound())
            .WithName("CategoryFeed").WithSummary("Aktivitetene i én kategori");
        feeds.MapGet("/{m}/activities/{id:int}.ics", async (int id, HttpContext http, FrivilligDbContext db, Catalog catalog, LinkBuilder links, CancellationToken ct) =>
            await db.Activities.Where(a => a.Id == id && a.Status != ActivityStatus.Draft).Select(a => a.Title).SingleOrDefaultAsync(ct) is { } title
                ? await ServeAsync(http, db, catalog, links, title, q => q.Where(a => a.Id == id), ct)
                : Results.NotFound())
            .WithName("ActivityFeed").WithSummary("Én aktivitet, med alle datoene");
        // A person's own calendar, across municipalities, from every feature that has something in it.
        // Private: never cached, found only by the secret.
        app.MapGet("/ical/me/{token}.ics", async (string token, HttpContext http, FrivilligDbContext db, IEnumerable<IPersonalFeedSource> sources, CancellationToken ct) =>
        {
            if (token.Length is < 20 or > 100)
            {
                return Results.NotFound();
            }

            var hash = Auth.Tokens.Hash(token);
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.CalendarTokenHash == hash && u.EmailConfirmed, ct);
            if (user?.Email is null)
            {
                return Results.NotFound();
            }

            var parts = new List<PersonalFeedPart>();
            foreach (var source in sources)
            {
                parts.Add(await source.ReadAsync(user, ct));
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(FeedBuilder.BuildPersonal(user.DisplayName, parts), "text/calendar; charset=utf-8", Encoding.UTF8);
        }).WithTags("Kalenderabonnement").WithName("PersonalFeed").WithSummary("Én persons egne påmeldinger og vakter (hemmelig adresse fra «Min side»)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").Produces(StatusCodes.Status404NotFound);

        // One date to download, from the activity page's "Legg i kalender".
        app.MapGet("/{m}/aktiviteter/{id:int}/kalender/{ticks:long}.ics", async (int id, long ticks, HttpContext http, FrivilligDbContext db, Catalog catalog, LinkBuilder links, CancellationToken ct) =>
        {
            var row = await db.Activities.AsNoTracking().Include(a => a.DateChanges)
                .Where(a => a.Id == id && a.Status != ActivityStatus.Draft)
                .Select(a => new { Activity = a, Organisation = a.Organisation!.Name, District = a.District!.Name })
                .SingleOrDefaultAsync(ct);
            if (row is null || ticks <= 0 || ticks >= DateTimeOffset.MaxValue.UtcTicks)
            {
                return Results.NotFound();
            }

            var municipality = db.Tenant.Required;
            var original = new DateTimeOffset(ticks, TimeSpan.Zero);
            var zone = MunicipalClock.ZoneOf(municipality);
            var occurrence = row.Activity.Find(zone, original);
            if (occurrence is null)
            {
                return Results.NotFound();
            }

            var venue = await http.RequestServices.GetRequiredService<Venues>().FindAsync(id, ct);
            var body = FeedBuilder.BuildOne(municipality, new FeedActivity(row.Activity, row.Organisation, row.District, venue), occurrence, catalog,
                links.Absolute($"/{municipality.Slug}/aktiviteter/{id}"));
            return Results.File(Encoding.UTF8.GetBytes(body), "text/calendar; charset=utf-8", $"aktivitet-{id}.ics");
        }).WithTags("Kalenderabonnement").WithName("OneDate").WithSummary("Én dato av en aktivitet, til «Legg i kalender»")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").Produces(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, FrivilligDbContext db, Catalog catalog, LinkBuilder links, string name,
        Func<IQueryable<Activity>, IQueryable<Activity>> narrow, CancellationToken ct)
    {
        var municipality = db.Tenant.Required;
        var rows = await narrow(db.Activities.AsNoTracking().Where(a => a.Status != ActivityStatus.Draft))
            .Include(a => a.DateChanges)
            .Select(a => new { Activity = a, Organisation = a.Organisation!.Name, District = a.District!.Name })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            row.Activity.DateChanges = [.. row.Activity.DateChanges];
        }

        var places = await http.RequestServices.GetRequiredService<Venues>().FindAsync([.. rows.Select(r => r.Activity.Id)], ct);
        var body = FeedBuilder.Build(municipality, $"{name} – Frivillig", rows.Select(r => new FeedActivity(r.Activity, r.Organisation, r.District, places.GetValueOrDefault(r.Activity.Id))), catalog,
            id => links.Absolute($"/{municipality.Slug}/aktiviteter/{id}"));
        // The ETag (one per encoding), 304s and compression are the compressed cache's (CacheCompressed on the group).
        var headers = http.Response.GetTypedHeaders();
        headers.LastModified = rows.Count == 0 ? municipality.CreatedAt : rows.Max(r => r.Activity.UpdatedAt);
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(15) };
        return Results.Text(body, "text/calendar; charset=utf-8", Encoding.UTF8);
    }
}

/// <summary>
/// Calendar programs check a feed with HEAD before fetching it. Routing matches GET endpoints only, so a
/// HEAD for a feed is run as a GET whose body is not sent: the same status and headers, Content-Length included.
/// </summary>
public static class HeadAsGet
{
    public const string Marker = "frivillig:head";

    public static IApplicationBuilder UseHeadForFeeds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsHead(http.Request.Method) || !http.Request.Path.StartsWithSegments("/ical"))
        {
            await next(http);
            return;
        }

        http.Request.Method = HttpMethods.Get;
        http.Items[Marker] = true;
        var body = http.Response.Body;
        http.Response.Body = Stream.Null;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }
    });
}
