using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Frivillig.Model.Premises;
using Frivillig.Web.Features.Premises;
using Microsoft.EntityFrameworkCore;

namespace Frivillig.Benchmarks;

/// <summary>One room's busy times for 8 weeks, the query behind the premises page and the availability API, with 50,000 bookings in the database.</summary>
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private string _path = string.Empty;
    private TenantContext _tenant = new();
    private Room _gym = default!;
    private DateTimeOffset _from;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"frivillig-premises-bench-{Guid.NewGuid():N}.db");
        LoadData.SeedAsync(_path, "bench", total: 10, series: 2).GetAwaiter().GetResult();
        PremisesLoadData.SeedBookingsAsync(_path, "bench", 50_000).GetAwaiter().GetResult();
        using var db = LoadData.Open(_path, new TenantContext());
        var municipality = db.Municipalities.AsNoTracking().Single(m => m.Slug == "bench");
        _tenant = new TenantContext();
        _tenant.Set(municipality);
        using var scoped = LoadData.Open(_path, _tenant);
        _gym = scoped.Rooms.AsNoTracking().First(r => r.Name == PremisesLoadData.WholeGym);
        _from = DateTimeOffset.UtcNow.Date.AddDays(30);
        Console.WriteLine($"// busy intervals in the window: {EightWeeks().GetAwaiter().GetResult()}");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Description = "availability, whole gym (2 halves), 8 weeks, 50,000 bookings")]
    public async Task<int> EightWeeks()
    {
        await using var db = LoadData.Open(_path, _tenant);
        return (await new PremisesQuery(db).BusyAsync([_gym], _from, _from.AddDays(56), CancellationToken.None)).Count;
    }
}

/// <summary>Bookings for the benchmarks and the load script: approved dates spread over rooms and two years, each holding its room's units.</summary>
public static class PremisesLoadData
{
    public const string WholeGym = "Lastgymsal (hel)";

    private static readonly string[] Halves = ["A", "B"];

    /// <summary>A building with a gym in two halves and eight other rooms, windows every evening, and <paramref name="count"/> one-hour bookings.</summary>
    public static async Task SeedBookingsAsync(string databasePath, string municipalitySlug, int count)
    {
        var tenant = new TenantContext();
        await using var db = LoadData.Open(databasePath, tenant);
        using var system = tenant.EnterSystemScope();
        var municipality = await db.Municipalities.Include(m => m.Districts).SingleAsync(m => m.Slug == municipalitySlug);
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.MunicipalityId == municipality.Id && o.Status == ApprovalStatus.Approved);
        if (org is null)
        {
            org = new Organisation { MunicipalityId = municipality.Id, Slug = "lastlag", Name = "Lastlaget", ContactName = "Last", ContactEmail = "last@eksempel.no", CreatedAt = DateTimeOffset.UtcNow };
            org.Approve("load", DateTimeOffset.UtcNow);
            db.Organisations.Add(org);
        }

        var building = new Building
        {
            MunicipalityId = municipality.Id, DistrictId = municipality.Districts[0].Id, Name = "Lastskolen", StreetAddress = "Lastvegen 1", PostalCode = "9000", City = "Tromsø",
            AccessInstructions = "Kode 1234",
        };
        var gym = new Room { MunicipalityId = municipality.Id, Building = building, Name = WholeGym, Capacity = 100 };
        var halves = Halves.Select(h => new Room { MunicipalityId = municipality.Id, Building = building, Name = $"Lastgymsal {h}", Capacity = 50, Parent = gym }).ToList();
        var others = Enumerable.Range(1, 8).Select(i => new Room { MunicipalityId = municipality.Id, Building = building, Name = $"Lastrom {i}", Capacity = 20 }).ToList();
        var rooms = new[] { gym }.Concat(halves).Concat(others).ToList();
        foreach (var room in rooms)
        {
            room.Windows = [.. Enum.GetValues<DayOfWeek>().Select(d => new BookableWindow { MunicipalityId = municipality.Id, Weekday = d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(23, 0) })];
            building.Rooms.Add(room);
        }

        db.Buildings.Add(building);
        await db.SaveChangesAsync();
        var tree = rooms.Select(r => (r.Id, r.ParentRoomId)).ToList();
        var zone = MunicipalClock.ZoneOf(municipality);

        // Every room gets every hour it can, day by day, until the count is reached; whole-gym hours leave the halves alone.
        var bookable = new[] { gym }.Concat(others).Concat(halves).ToList();
        var day = DateOnly.FromDateTime(DateTime.Today).AddDays(-180); // about a year of them, half behind and half ahead
        var made = 0;
        var batch = 0;
        while (made < count)
        {
            foreach (var room in bookable)
            {
                for (var hour = 8; hour < 23 && made < count; hour++)
                {
                    // Halves only in the hours the whole gym leaves free (odd hours).
                    if (room.ParentRoomId is not null && hour % 2 == 0 || room == gym && hour % 2 == 1)
                    {
                        continue;
                    }

                    var start = MunicipalClock.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
                    var booking = Booking.Request(room, org, null, null, "load", "Last", "last@eksempel.no", "Trening", true, [(start, start.AddHours(1))], false, start.AddDays(-30));
                    booking.Occupy(BookingRules.UnitsOf(room.Id, tree));
                    booking.Approve("load", start.AddDays(-30));
                    db.Bookings.Add(booking);
                    made++;
                    if (++batch == 2000)
                    {
                        await db.SaveChangesAsync();
                        db.ChangeTracker.Clear();
                        db.Attach(org); // the bookings point at it; tracked again as it is, not inserted
                        batch = 0;
                    }
                }
            }

            day = day.AddDays(1);
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>
/// Booking requests under contention: a coordinator's session posts the booking form from
/// <c>clients</c> parallel tasks, all at the same few evenings of one room, for a while; reports
/// requests per second, how many were accepted, and checks that no two accepted bookings overlap.
/// </summary>
public static partial class BookingLoad
{
    public static async Task RunAsync(string baseUrl, int clients, int seconds)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var login = await http.GetStringAsync("/konto/logg-inn");
        using (var r = await http.PostAsync("/konto/logg-inn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "koordinator@frivillig.test", ["Input.Password"] = "Frivillig-demo-2026", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(login).Groups[1].Value),
        })))
        {
            _ = r;
        }

        var list = await http.GetStringAsync("/api/v1/tromso/premises?district=kroken");
        var buildingId = Regex.Match(list, "\"id\":(\\d+)").Groups[1].Value;
        var form = await http.GetStringAsync($"/tromso/lokaler/{buildingId}/bestill");
        var roomId = Regex.Match(form, "<option value=\"(\\d+)\"[^>]*>Musikkrom").Groups[1].Value;
        var orgId = Regex.Match(form, "name=\"Input.OrganisationId\"[^>]*>\\s*<option value=\"(\\d+)\"").Groups[1].Value;
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        var first = DateOnly.FromDateTime(DateTime.Today).AddDays(7);
        while (first.DayOfWeek != DayOfWeek.Wednesday)
        {
            first = first.AddDays(1);
        }

        var outcomes = new ConcurrentBag<(HttpStatusCode Status, double Ms)>();
        var stop = Stopwatch.StartNew();
        var n = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var i = Interlocked.Increment(ref n);
                // 40 evenings, each asked for again and again with overlapping times: contention on every one.
                var date = first.AddDays(7 * (i % 40));
                var minute = i % 30;
                var fields = new Dictionary<string, string>
                {
                    ["Input.RoomId"] = roomId, ["Input.OrganisationId"] = orgId, ["Input.Kind"] = "Once", ["Input.FirstDate"] = date.ToString("yyyy-MM-dd"),
                    ["Input.Start"] = $"18:{minute:00}", ["Input.End"] = $"19:{minute:00}", ["Input.Purpose"] = "Last", ["Input.ContactName"] = "Last",
                    ["Input.ContactEmail"] = "last@eksempel.no", ["Input.RulesAccepted"] = "true", ["__RequestVerificationToken"] = token,
                };
                var t = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync($"/tromso/lokaler/{buildingId}/bestill", new FormUrlEncodedContent(fields));
                outcomes.Add((response.StatusCode, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            }
        }));
        var total = outcomes.Count;
        var accepted = outcomes.Count(o => o.Status == HttpStatusCode.Redirect);
        var refused = outcomes.Count(o => o.Status == HttpStatusCode.OK);
        var ms = outcomes.Select(o => o.Ms).Order().ToList();
        Console.WriteLine($"booking requests: {total} in {stop.Elapsed.TotalSeconds:0.0} s = {total / stop.Elapsed.TotalSeconds:0} req/s with {clients} clients; " +
            $"accepted {accepted}, told the clash {refused}, other {total - accepted - refused}; p50 {ms[ms.Count / 2]:0} ms, p99 {ms[(int)(ms.Count * 0.99)]:0} ms");
        var availability = await http.GetStringAsync($"/api/v1/tromso/premises/{buildingId}/availability?from={first:yyyy-MM-dd}&to={first.AddDays(7 * 40):yyyy-MM-dd}");
        var music = System.Text.Json.JsonDocument.Parse(availability).RootElement.GetProperty("rooms").EnumerateArray()
            .Single(r => r.GetProperty("roomId").GetRawText() == roomId);
        var busy = music.GetProperty("busy").EnumerateArray().Where(b => b.GetProperty("start").GetDateTimeOffset().TimeOfDay.Hours == 18).ToList();
        var overlapping = busy.Zip(busy.Skip(1)).Count(p => p.Second.GetProperty("start").GetDateTimeOffset() < p.First.GetProperty("end").GetDateTimeOffset());
        Console.WriteLine($"the room's evening bookings as the API shows them: {busy.Count} (one per evening expected), overlapping pairs: {overlapping}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
