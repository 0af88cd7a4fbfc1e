namespace Frivillig.Web.Hosting;

/// <summary>
/// Personal data is kept only as long as the privacy statement says. Each feature that stores such data
/// registers a rule (<see cref="AddRetentionRule{T}"/>); one background service applies them all, at
/// start-up and then every few hours, across municipalities.
/// </summary>
public interface IRetentionRule
{
    /// <summary>Deletes what is past its time; returns how many rows went.</summary>
    Task<int> PruneAsync(FrivilligDbContext db, DateTimeOffset now, CancellationToken cancellationToken);
}

public static class RetentionExtensions
{
    public static IServiceCollection AddRetentionRule<T>(this IServiceCollection services)
        where T : class, IRetentionRule
    {
        services.AddScoped<IRetentionRule, T>();
        if (!services.Any(d => d.ImplementationType == typeof(RetentionService)))
        {
            services.AddSingleton<RetentionService>();
            services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        }

        return services;
    }
}

public sealed class RetentionService(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not in the way of start-up: the first round a minute in.
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Pruning personal data past its retention failed; it will try again.");
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One round of every rule; returns the rows deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrivilligDbContext>();
        using var system = db.Tenant.EnterSystemScope();
        var now = time.GetUtcNow();
        var total = 0;
        foreach (var rule in scope.ServiceProvider.GetServices<IRetentionRule>())
        {
            total += await rule.PruneAsync(db, now, cancellationToken);
        }

        return total;
    }
}
