using BenchmarkDotNet.Attributes;
using Frivillig.Web;
using Frivillig.Web.Content;
using Microsoft.Extensions.Options;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Calendar;
using Frivillig.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frivillig.Benchmarks;

/// <summary>Recurrence expansion alone: what the calendar does per request for the series that touch a week.</summary>
[MemoryDiagnoser]
public class RecurrenceBenchmarks
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private Series[] _series = [];
    private DateTimeOffset _from;
    private DateTimeOffset _to;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _series = [.. Enumerable.Range(0, 2000).Select(i =>
        {
            var local = DateTime.Today.AddDays(-random.Next(0, 365)).AddHours(random.Next(8, 21));
            return new Series(MunicipalClock.ToUtc(local, Oslo), MunicipalClock.ToUtc(local.AddHours(2), Oslo), new RecurrenceRule(RecurrenceFrequency.Weekly));
        })];
        (_from, _to, _) = new MunicipalClock(Oslo, TimeProvider.System).WeekOf(DateTimeOffset.UtcNow);
    }

    [Benchmark(Description = "2,000 weekly series, one week")]
    public int ExpandWeek()
    {
        var n = 0;
        foreach (var a in _series)
        {
            n += Recurrence.Expand(a, [], Oslo, _from, _to).Count();
        }

        return n;
    }

    [Benchmark(Description = "one weekly series, one year")]
    public int ExpandYear() => Recurrence.Expand(_series[0], [], Oslo, _from, _from.AddYears(1)).Count();
}

/// <summary>
/// The week query against a SQLite file with 10,000 activities (2,000 series), without the output cache:
/// with the municipality's activities in memory (as between changes), and the read after a change.
/// </summary>
[MemoryDiagnoser]
public class WeekQueryBenchmarks
{
    private Catalog _catalog = default!;

    private string _path = string.Empty;
    private TenantContext _tenant = new();
    private CalendarFilter _filter = default!;
    private MunicipalClock _clock = default!;
    private CalendarSnapshots _snapshots = default!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"frivillig-bench-{Guid.NewGuid():N}.db");
        LoadData.SeedAsync(_path, "bench").GetAwaiter().GetResult();
        using var db = LoadData.Open(_path, new TenantContext());
        var municipality = db.Municipalities.AsNoTracking().Single(m => m.Slug == "bench");
        _tenant = new TenantContext();
        _tenant.Set(municipality);
        _clock = MunicipalClock.For(municipality, TimeProvider.System);
        var (from, to, _) = _clock.WeekOf(_clock.Now);
        _filter = new CalendarFilter(null, null, null, null, null, from, to);
        var services = new ServiceCollection();
        services.AddScoped(_ => new TenantContext());
        services.AddScoped(sp => LoadData.Open(_path, sp.GetRequiredService<TenantContext>()));
        _snapshots = new CalendarSnapshots(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        _catalog = new Catalog(new ContentStore(Options.Create(new FrivilligOptions { ContentPath = Path.Combine(AppContext.BaseDirectory, "content") }), new FeedBenchmarks.BenchEnvironment()));
    }

    [Benchmark(Description = "week query, whole municipality")]
    public async Task<int> WholeWeek()
    {
        await using var db = LoadData.Open(_path, _tenant);
        return (await new ActivityCalendar(db, _clock, _catalog, _snapshots).QueryAsync(_filter, CancellationToken.None)).Count;
    }

    [Benchmark(Description = "week query, one district, searching \"kaffe\"")]
    public async Task<int> Search()
    {
        await using var db = LoadData.Open(_path, _tenant);
        return (await new ActivityCalendar(db, _clock, _catalog, _snapshots).QueryAsync(_filter with { District = "bydel-3", Query = "kaffe" }, CancellationToken.None)).Count;
    }

    [Benchmark(Description = "reading the 10,000 activities again after a change")]
    public async Task<int> AfterChange()
    {
        _snapshots.Changed();
        return (await _snapshots.GetAsync(_tenant.Required, CancellationToken.None)).Activities.Count;
    }

    [Benchmark(Description = "week query, one district")]
    public async Task<int> OneDistrict()
    {
        await using var db = LoadData.Open(_path, _tenant);
        return (await new ActivityCalendar(db, _clock, _catalog, _snapshots).QueryAsync(_filter with { District = "bydel-3" }, CancellationToken.None)).Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
