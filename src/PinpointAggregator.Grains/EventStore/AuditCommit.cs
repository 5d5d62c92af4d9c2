using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Grains.EventStore;

/// <summary>What one applied batch changes at one target; written all or nothing.</summary>
/// <param name="Target">The folding grain.</param>
/// <param name="ExpectedVersion">The version the grain read (0: never committed).</param>
/// <param name="StateJson">The target's new state.</param>
/// <param name="Stamps">Stamps added or replaced, by deduplication id.</param>
/// <param name="Kept">Events that are now the kept version of their deduplication id at this target (new, or replacing the one kept before).</param>
/// <param name="Released">Deduplication ids whose event is no longer kept here (retracted to another target).</param>
/// <param name="Listing">
/// The application's new line in the directory (<see cref="IApplicationDirectory"/>), written in the same
/// transaction as the state; null for a target that is not an application (an account).
/// </param>
public sealed record AuditCommit(
    AuditTarget Target,
    long ExpectedVersion,
    ReadOnlyMemory<byte> StateJson,
    IReadOnlyDictionary<string, EventStamp> Stamps,
    IReadOnlyList<AuditEvent> Kept,
    IReadOnlyList<string> Released,
    ApplicationListing? Listing = null);
