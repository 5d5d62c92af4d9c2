using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.EventStore;

namespace PinpointAggregator.Grains.Tests.EventStore;

/// <summary>
/// Wraps a store and fails one commit: either before it reaches the store (nothing written) or after the
/// store wrote it (the caller never hears back: a crash between the store's commit and the grain's reply).
/// </summary>
public sealed class FaultyAuditStore(IAuditStore inner) : IAuditStore
{
    public enum Fault
    {
        None,
        BeforeCommit,
        AfterCommit,
    }

    public Fault Next { get; set; }

    public Task<StoredAudit?> LoadAsync(AuditTarget target, CancellationToken cancellationToken) => inner.LoadAsync(target, cancellationToken);

    public Task<IReadOnlyDictionary<string, EventStamp>> FindStampsAsync(AuditTarget target, IReadOnlyCollection<string> deduplicationIds, CancellationToken cancellationToken) =>
        inner.FindStampsAsync(target, deduplicationIds, cancellationToken);

    public async Task<long> CommitAsync(AuditCommit commit, CancellationToken cancellationToken)
    {
        var fault = Next;
        Next = Fault.None;
        if (fault == Fault.BeforeCommit)
        {
            throw new IOException("injected: the connection broke before the commit");
        }

        var version = await inner.CommitAsync(commit, cancellationToken);
        return fault == Fault.AfterCommit ? throw new IOException("injected: the commit succeeded but its reply was lost") : version;
    }
}
