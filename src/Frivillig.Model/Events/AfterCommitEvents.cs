using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Frivillig.Model.Events;

/// <summary>
/// The one after-commit mechanism. At SaveChanges it takes the events the saved entities raised;
/// once the change is committed (right after SaveChanges, or after the explicit transaction's commit
/// when there is one) it hands them to the registered handlers; a failed save or a rollback drops
/// them. Handlers run in a scope of their own, under a token of their own (a client that goes away
/// just after the commit must not leave caches stale), and a failing handler is logged, not thrown:
/// the change is committed either way.
/// </summary>
public sealed class AfterCommitEvents(IServiceScopeFactory scopes, IEnumerable<AfterCommitRegistration> registrations,
    IHostApplicationLifetime lifetime, ILogger<AfterCommitEvents> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Long enough for a cache eviction and a hub broadcast; a stuck handler must not hold a request for ever.</summary>
    public static readonly TimeSpan HandlerTimeout = TimeSpan.FromSeconds(30);

    private readonly AfterCommitRegistration[] _registrations = [.. registrations.OrderBy(r => r.Stage)];
    private readonly ConditionalWeakTable<DbContext, List<IDomainEvent>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            DispatchAsync(eventData.Context).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await DispatchAsync(eventData.Context);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        DispatchAsync(eventData.Context).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        DispatchAsync(eventData.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Drop(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<EventSource>())
        {
            if (entry.Entity.PendingEvents.Count > 0)
            {
                _pending.GetOrCreateValue(context).AddRange(entry.Entity.PendingEvents);
                entry.Entity.ClearEvents();
            }
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private async Task DispatchAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var events) || events.Count == 0)
        {
            return;
        }

        _pending.Remove(context);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        cts.CancelAfter(HandlerTimeout);
        await using var scope = scopes.CreateAsyncScope();
        // Caches are evicted before any page is told to reload (stages), then in registration order.
        foreach (var registration in _registrations)
        {
            try
            {
                await registration.DispatchAsync(scope.ServiceProvider, events, cts.Token);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "After-commit handler {Handler} failed.", registration.HandlerType.Name);
            }
        }
    }
}

/// <summary>One handler for one event type, registered with <see cref="AfterCommitServiceCollectionExtensions.AddAfterCommitHandler{TEvent, THandler}"/>.</summary>
public abstract class AfterCommitRegistration
{
    public abstract Type HandlerType { get; }

    public abstract AfterCommitStage Stage { get; }

    public abstract Task DispatchAsync(IServiceProvider services, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>When a handler runs: what it makes stale is gone before anyone is told to look again.</summary>
public enum AfterCommitStage
{
    /// <summary>Evict caches.</summary>
    Invalidate,

    /// <summary>Tell live pages, wake senders.</summary>
    Notify,
}

internal sealed class AfterCommitRegistration<TEvent, THandler>(AfterCommitStage stage) : AfterCommitRegistration
    where TEvent : IDomainEvent
    where THandler : IAfterCommitHandler<TEvent>
{
    public override Type HandlerType => typeof(THandler);

    public override AfterCommitStage Stage => stage;

    public override Task DispatchAsync(IServiceProvider services, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        // An interface or base type takes every event that is one: a cache keyed by municipality
        // hears of every activity change, whatever its kind.
        var matching = events.OfType<TEvent>().ToList();
        return matching.Count == 0 ? Task.CompletedTask : services.GetRequiredService<THandler>().HandleAsync(matching, cancellationToken);
    }
}

public static class AfterCommitServiceCollectionExtensions
{
    /// <summary>Registers the interceptor that every DbContext adds (<c>AddInterceptors</c>).</summary>
    public static IServiceCollection AddAfterCommitEvents(this IServiceCollection services)
    {
        services.AddSingleton<AfterCommitEvents>();
        return services;
    }

    public static IServiceCollection AddAfterCommitHandler<TEvent, THandler>(this IServiceCollection services, AfterCommitStage stage = AfterCommitStage.Notify)
        where TEvent : IDomainEvent
        where THandler : class, IAfterCommitHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton<AfterCommitRegistration>(new AfterCommitRegistration<TEvent, THandler>(stage));
        return services;
    }
}
