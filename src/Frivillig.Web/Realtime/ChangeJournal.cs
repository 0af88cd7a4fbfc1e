namespace Frivillig.Web.Realtime;

/// <summary>
/// The last changes sent, per group, so a client that reconnects can ask for what it missed since the
/// revision it last saw. Kept in memory and bounded: a client away longer than the journal reaches
/// reloads its view instead (the returned revision tells it how far the journal goes).
/// </summary>
public sealed class ChangeJournal
{
    private const int Capacity = 2000;
    private readonly Lock _lock = new();
    private readonly LinkedList<(long Revision, string[] Groups, object Change)> _entries = new();
    private long _revision;

    public long Revision
    {
        get
        {
            lock (_lock)
            {
                return _revision;
            }
        }
    }

    public long Next()
    {
        lock (_lock)
        {
            return ++_revision;
        }
    }

    public void Add(long revision, string[] groups, object change)
    {
        lock (_lock)
        {
            _entries.AddLast((revision, groups, change));
            while (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<object> Since(string group, long revision)
    {
        lock (_lock)
        {
            return [.. _entries.Where(e => e.Revision > revision && e.Groups.Contains(group)).Select(e => e.Change)];
        }
    }
}
