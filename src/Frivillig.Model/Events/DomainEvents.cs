namespace Frivillig.Model.Events;

/// <summary>Something that happened to the data, named in the domain's words (ActivityPublished, DateCancelled...).</summary>
public interface IDomainEvent;

/// <summary>
/// An entity that raises events from its own methods. They are collected when the change is saved
/// and handed to the after-commit handlers once it is committed (<see cref="AfterCommitEvents"/>).
/// </summary>
public abstract class EventSource
{
    private List<IDomainEvent>? _events;

    /// <summary>Not mapped: EF Core maps only properties it can set.</summary>
    public IReadOnlyList<IDomainEvent> PendingEvents => _events ?? (IReadOnlyList<IDomainEvent>)[];

    protected void Raise(IDomainEvent domainEvent) => (_events ??= []).Add(domainEvent);

    internal void ClearEvents() => _events?.Clear();
}

/// <summary>
/// A feature's reaction to committed changes: evict a cache, tell live pages, wake the mail sender.
/// It gets every event of its type from one commit at once, so it can do its work in one go (one
/// query, one eviction per municipality), with a cancellation token of its own, never the request's.
/// </summary>
public interface IAfterCommitHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken);
}
