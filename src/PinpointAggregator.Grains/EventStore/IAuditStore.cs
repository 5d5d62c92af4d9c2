using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Grains.EventStore;

/// <summary>
/// The durable home of every kept event and of the audit state folded from them. One commit writes a
/// target's new state together with the events and deduplication stamps that produced it, atomically, so
/// there is no moment at which the events are stored but not folded, or folded but not stored.
/// </summary>
/// <remarks>
/// A target is one application grain or one account grain (<see cref="AuditTarget"/>). The stamps are the
/// fold's memory of which event ids it has counted (<see cref="EventStamp"/>); they live here, not in grain
/// state, so a grain's state grows with its resources, not with its events, and a batch costs O(batch).
/// </remarks>
public interface IAuditStore
{
    /// <summary>The target's stored state, or null when nothing was ever committed for it.</summary>
    Task<StoredAudit?> LoadAsync(AuditTarget target, CancellationToken cancellationToken);

    /// <summary>The stamps kept at this target for these deduplication ids (absent ids are not in the result).</summary>
    Task<IReadOnlyDictionary<string, EventStamp>> FindStampsAsync(AuditTarget target, IReadOnlyCollection<string> deduplicationIds, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the commit in one transaction when the target's stored version is still
    /// <see cref="AuditCommit.ExpectedVersion"/>; otherwise writes nothing and throws
    /// <see cref="Orleans.Storage.InconsistentStateException"/> (another activation wrote first).
    /// </summary>
    /// <returns>The new version.</returns>
    Task<long> CommitAsync(AuditCommit commit, CancellationToken cancellationToken);
}
