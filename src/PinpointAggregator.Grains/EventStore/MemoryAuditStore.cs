using System.Collections.Concurrent;
using Orleans.Storage;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Grains.EventStore;

/// <summary>
/// The audit store of the embedded default: everything in this process's memory, gone at exit. Same
/// contract as the PostgreSQL store (one commit is atomic; a stale version is refused), so the grains cannot
/// tell them apart. It answers the queries too (<see cref="IEventQueries"/>, <see cref="IApplicationDirectory"/>):
/// a commit updates the event log and the directory under the target's lock, after the version check, so a
/// refused commit changes neither.
/// </summary>
public sealed class MemoryAuditStore : IAuditStore, IEventQueries, IApplicationDirectory
{
    private readonly ConcurrentDictionary<string, Entry> _targets = new(StringComparer.Ordinal);
    private readonly MemoryEventLog _log = new();
    private readonly MemoryApplicationDirectory _directory = new();

    public Task<StoredAudit?> LoadAsync(AuditTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var entry = EntryOf(target);
        lock (entry)
        {
            return Task.FromResult(entry.State is { } state ? new StoredAudit(state, entry.Version) : null);
        }
    }

    public Task<IReadOnlyDictionary<string, EventStamp>> FindStampsAsync(AuditTarget target, IReadOnlyCollection<string> deduplicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(deduplicationIds);
        var entry = EntryOf(target);
        var found = new Dictionary<string, EventStamp>(StringComparer.Ordinal);
        lock (entry)
        {
            foreach (var id in deduplicationIds)
            {
                if (entry.Stamps.TryGetValue(id, out var stamp))
                {
                    found[id] = stamp;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, EventStamp>>(found);
    }

    public Task<long> CommitAsync(AuditCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var entry = EntryOf(commit.Target);
        lock (entry)
        {
            if (entry.Version != commit.ExpectedVersion)
            {
                throw new InconsistentStateException(
                    $"The audit state of {commit.Target} is at version {entry.Version}, not {commit.ExpectedVersion}: another activation wrote it.",
                    entry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    commit.ExpectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var (id, stamp) in commit.Stamps)
            {
                entry.Stamps[id] = stamp;
            }

            foreach (var id in commit.Released)
            {
                entry.Events.Remove(id);
            }

            foreach (var e in commit.Kept)
            {
                entry.Events[e.DeduplicationId] = e;
            }

            _log.Apply(commit.Target, commit.Released, commit.Kept);
            if (commit.Listing is { } listing)
            {
                _directory.Put(listing);
            }

            entry.State = commit.StateJson.ToArray();
            return Task.FromResult(++entry.Version);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> SearchAsync(EventQuery query, EventPosition? after, bool descending, int limit, bool includeRaw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_log.Search(query, after, descending, limit, includeRaw));
    }

    public Task<IReadOnlyList<StoredEvent>> FindAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_log.Find(eventId));
    }

    public Task<IReadOnlyList<(DateOnly Day, long Events)>> CountByDayAsync(IReadOnlyCollection<string>? accounts, DateTime from, DateTime until, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_log.CountByDay(accounts, from, until));
    }

    public Task<FeedCursor> FeedHeadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_log.Head());
    }

    public Task<FeedPage> ReadFeedAsync(EventQuery query, FeedCursor after, int limit, bool includeRaw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_log.ReadFeed(query, after, limit, includeRaw));
    }

    public Task<IReadOnlyList<ApplicationListing>> ListAsync(ApplicationQuery query, (string Account, string Region, string ApplicationId)? after, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_directory.List(query, after, limit));
    }

    /// <summary>The events kept at a target, for queries and tests.</summary>
    public IReadOnlyList<AuditEvent> Events(AuditTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var entry = EntryOf(target);
        lock (entry)
        {
            return [.. entry.Events.Values];
        }
    }

    private Entry EntryOf(AuditTarget target) => _targets.GetOrAdd(target.Key, _ => new Entry());

    private sealed class Entry
    {
        public byte[]? State { get; set; }

        public long Version { get; set; }

        public Dictionary<string, EventStamp> Stamps { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, AuditEvent> Events { get; } = new(StringComparer.Ordinal);
    }
}
