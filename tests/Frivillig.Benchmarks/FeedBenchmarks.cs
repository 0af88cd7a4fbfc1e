using BenchmarkDotNet.Attributes;
using Frivillig.Web;
using Frivillig.Web.Content;
using Frivillig.Web.Features.Activities;
using Frivillig.Web.Features.Feeds;
using Frivillig.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace Frivillig.Benchmarks;

/// <summary>Feed generation: 1,000 events (a fifth of them weekly series with a cancelled and a moved date).</summary>
[MemoryDiagnoser]
public class FeedBenchmarks
{
    private readonly Municipality _municipality = new() { Id = 1, Slug = "tromso", Name = "Tromsø" };
    private List<FeedActivity> _activities = [];
    private Catalog _catalog = default!;

    [GlobalSetup]
    public void Setup()
    {
        var zone = MunicipalClock.ZoneOf(_municipality);
        var random = new Random(7);
        _catalog = new Catalog(new ContentStore(Options.Create(new FrivilligOptions { ContentPath = Path.Combine(AppContext.BaseDirectory, "content") }), new BenchEnvironment()));
        _activities = [.. Enumerable.Range(1, 1000).Select(i =>
        {
            var local = DateTime.Today.AddDays(random.Next(-100, 100)).AddHours(random.Next(8, 21));
            var details = new ActivityDetails($"Aktivitet {i}; med, tegn", "Kaffe og prat, for alle.", null, "mat", ["alle", "eldre"], [], null, "Bydelshuset, rom 2", null,
                true, null, null, true);
            var rule = new RecurrenceRule(i % 5 == 0 ? RecurrenceFrequency.Weekly : RecurrenceFrequency.None);
            var a = Activity.Draft(1, 1, details, new Series(MunicipalClock.ToUtc(local, zone), MunicipalClock.ToUtc(local.AddHours(2), zone), rule), zone, DateTimeOffset.UtcNow);
            a.Id = i;
            a.Publish(DateTimeOffset.UtcNow);
            if (rule.Repeats)
            {
                a.CancelDate(a.StartsAt.AddDays(7), null, zone, DateTimeOffset.UtcNow);
                a.MoveDate(a.StartsAt.AddDays(14), a.StartsAt.AddDays(15), a.StartsAt.AddDays(15).AddHours(2), null, zone, DateTimeOffset.UtcNow);
            }

            return new FeedActivity(a, "Tromsø Røde Kors", "Tromsøya");
        })];
    }

    [Benchmark(Description = "feed of 1,000 events")]
    public int Build() => FeedBuilder.Build(_municipality, "Tromsø", _activities, _catalog, id => $"https://frivillig.example/tromso/aktiviteter/{id}").Length;

    internal sealed class BenchEnvironment : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ApplicationName { get; set; } = "Frivillig.Web";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public string EnvironmentName { get; set; } = "Production";
    }
}
