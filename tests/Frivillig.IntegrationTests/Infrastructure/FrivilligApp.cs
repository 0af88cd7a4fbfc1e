using System.Net;
using Frivillig.Web.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Frivillig.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app on its own SQLite file and mail folder in a fresh temp directory, seeded with the
/// demo content. One per test class (xunit class fixture) or per test where state must be clean.
/// </summary>
public class FrivilligApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = DemoContent.Password;

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    /// <summary>
    /// "Now" for every test app: Wednesday 25 November 2026, 12:00 in Oslo. Fixed, so no test depends on
    /// the day or hour it runs; tests that need time to pass advance <see cref="Clock"/>.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private bool _ownsData = true;
    private bool _systemClock;

    public FakeTimeProvider Clock { get; private set; } = new(Now);

    /// <summary>Today's date in Oslo on the app's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Oslo).DateTime);

    /// <summary>
    /// The real clock, for tests of what validates tokens against the machine's time (OpenID Connect:
    /// the token handler checks expiry with the system clock, whatever the app's clock says).
    /// </summary>
    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Services a test adds (an after-commit handler that records what it saw), before the app first starts.</summary>
    public FrivilligApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public FrivilligApp WithSystemClock()
    {
        _systemClock = true;
        return this;
    }

    public FrivilligApp()
    {
        Root = Path.Combine(Path.GetTempPath(), "frivillig-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Database = new TestDatabase(Root);
    }

    private FrivilligApp(string root, TestDatabase database, Dictionary<string, string?> settings)
    {
        Root = root;
        Database = database;
        _settings = new(settings, StringComparer.Ordinal);
    }

    public string Root { get; }

    /// <summary>Stops this app and starts a new one on the same database and folders, as a restart of the process would.</summary>
    public FrivilligApp Restart()
    {
        _ownsData = false;
        Dispose();
        return new FrivilligApp(Root, Database, _settings) { Clock = Clock, _systemClock = _systemClock };
    }

    public TestDatabase Database { get; }

    /// <summary>
    /// Starts the app on Kestrel at a free loopback port, for clients that need a real socket (browsers, Node,
    /// raw HTTP), and returns its address without a trailing slash.
    /// </summary>
    public string StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public Mailbox Mail => new(Path.Combine(Root, "mail"));

    /// <summary>Extra configuration, set before the app first starts.</summary>
    public FrivilligApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Frivillig:Database", TestDatabase.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Frivillig", Database.ConnectionString);
        builder.UseSetting("Frivillig:SeedDemoData", "true");
        builder.UseSetting("Frivillig:AppDataPath", Root);
        builder.UseSetting("Frivillig:PublicBaseUrl", "http://frivillig.test");
        // Every test's requests come from one address; the rate limit's own test sets a low one.
        builder.UseSetting("Frivillig:RateLimit:AnonymousPostsPerMinute", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (!_systemClock)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        foreach (var configure in _services)
        {
            builder.ConfigureServices(configure);
        }
    }

    public WebSession NewSession() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress }));

    public async Task<WebSession> SignInAsync(string email, string password = DemoPassword)
    {
        var session = NewSession();
        var response = await session.PostFormAsync("/konto/logg-inn", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return session;
    }

    /// <summary>Runs against the database outside any request, across tenants, for arranging and asserting.</summary>
    public async Task<T> DbAsync<T>(Func<FrivilligDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        using var system = db.Tenant.EnterSystemScope();
        return await work(db);
    }

    public Task<int> OrganisationIdAsync(string slug) =>
        DbAsync(db => db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsData)
        {
            Database.Dispose();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background thread; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>A test app on the machine's clock, as a class fixture (see <see cref="FrivilligApp.WithSystemClock"/>).</summary>
public sealed class SystemClockApp : FrivilligApp
{
    public SystemClockApp() => WithSystemClock();
}

/// <summary>The .eml pickup folder the app writes to when no SMTP host is configured.</summary>
public sealed class Mailbox(string folder)
{
    public IReadOnlyList<MimeMessage> All()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Mail goes out from the outbox after commit, on a background thread; wait for it a few seconds.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var found = To(address).LastOrDefault(m => match?.Invoke(m) ?? true);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {address} arrived within {seconds} s. Mail seen: {string.Join("; ", All().Select(m => $"{m.To} «{m.Subject}»"))}");
    }

    public static string FirstLink(MimeMessage message, string pathStart)
    {
        var text = message.TextBody ?? string.Empty;
        var start = text.IndexOf("http://frivillig.test" + pathStart, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No link to {pathStart} in: {text}");
        }

        var end = text.IndexOfAny([' ', '\r', '\n'], start);
        return text[start..(end < 0 ? text.Length : end)]["http://frivillig.test".Length..];
    }
}
