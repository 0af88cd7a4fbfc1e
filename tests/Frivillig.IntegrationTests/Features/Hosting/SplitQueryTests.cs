using System.Collections.Concurrent;
using Frivillig.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frivillig.IntegrationTests.Features.Hosting;

/// <summary>No query loads two collections in one join: EF warns (Query[20504]) the first time such a query runs.</summary>
public sealed class SplitQueryTests : IDisposable
{
    private readonly WarningLog _log = new();
    private readonly FrivilligApp _app;

    public SplitQueryTests() => _app = new FrivilligApp().WithServices(s => s.AddSingleton<ILoggerProvider>(_log));

    [Fact]
    public async Task Min_side_and_the_personal_feed_load_collections_without_a_cartesian_join()
    {
        var session = await _app.SignInAsync(Demo.Volunteer);
        await session.GetHtmlAsync("/konto");
        await _app.NewSession().GetHtmlAsync("/tromso");
        Assert.Empty(_log.Messages);
    }

    public void Dispose() => _app.Dispose();

    private sealed class WarningLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 20504)
            {
                Messages.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
