using System.Text.Json;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.Audit;
using PinpointAggregator.Grains.EventStore.Queries;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.EventStore;

/// <summary>
/// One grain's audit state kept through the <see cref="IAuditStore"/>: loads it, folds a batch into it with
/// the stamps of just that batch's event ids, and commits the state with the batch's events in one write.
/// </summary>
/// <remarks>
/// If a commit fails, the state in memory is ahead of the store; it is marked stale and read again before
/// the next batch, so a grain never goes on folding into state that was not written. A version conflict
/// (another activation committed first) is reported to the caller, which deactivates the grain.
/// When given, <paramref name="listing"/> maps the folded state to the target's directory line, which the
/// commit writes with the state.
/// </remarks>
public sealed class AuditFolder<TState>(IAuditStore store, AuditTarget target, Func<TState, ApplicationListing>? listing = null)
    where TState : class, new()
{
    private long _version;
    private bool _stale = true;

    public TState State { get; private set; } = new();

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(target, cancellationToken);
        (State, _version) = stored is null
            ? (new TState(), 0)
            : (JsonSerializer.Deserialize<TState>(stored.StateJson.Span, GrainStateJsonSerializer.Options) ?? new TState(), stored.Version);
        _stale = false;
    }

    /// <summary>Folds and commits a batch; an empty batch writes nothing.</summary>
    public async Task<ApplyResult> ApplyAsync(
        EventBatch batch,
        Func<TState, Dictionary<string, EventStamp>, AuditEvent, ApplyOutcome> apply,
        Func<TState, Dictionary<string, EventStamp>, Retraction, bool> retract,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Events.Count + batch.Retractions.Count == 0)
        {
            return new ApplyResult(0, []);
        }

        if (_stale)
        {
            await LoadAsync(cancellationToken);
        }

        var ids = batch.Events.Select(e => e.DeduplicationId).Concat(batch.Retractions.Select(r => r.DeduplicationId)).ToHashSet(StringComparer.Ordinal);
        var before = await store.FindStampsAsync(target, ids, cancellationToken);
        var seen = new Dictionary<string, EventStamp>(before, StringComparer.Ordinal);
        _stale = true;
        var result = BatchApplier.Apply(batch, e => apply(State, seen, e), r => retract(State, seen, r));
        var changed = seen
            .Where(entry => !before.TryGetValue(entry.Key, out var old) || !ReferenceEquals(old, entry.Value))
            .ToDictionary(StringComparer.Ordinal);
        var commit = new AuditCommit(
            target,
            _version,
            JsonSerializer.SerializeToUtf8Bytes(State, GrainStateJsonSerializer.Options),
            changed,
            Kept(batch.Events, changed),
            [.. changed.Where(entry => entry.Value.Retracted).Select(entry => entry.Key)],
            listing?.Invoke(State));
        _version = await store.CommitAsync(commit, cancellationToken);
        _stale = false;
        return result;
    }

    /// <summary>For each changed, counted stamp, the batch's event it stamps: the version now kept.</summary>
    private static List<AuditEvent> Kept(IReadOnlyList<AuditEvent> events, Dictionary<string, EventStamp> changed)
    {
        var kept = new Dictionary<string, AuditEvent>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (changed.TryGetValue(e.DeduplicationId, out var stamp) && stamp.Counted && stamp == EventStamp.Of(e))
            {
                kept[e.DeduplicationId] = e;
            }
        }

        return [.. kept.Values];
    }
}
