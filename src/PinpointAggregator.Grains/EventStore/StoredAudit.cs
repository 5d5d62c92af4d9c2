namespace PinpointAggregator.Grains.EventStore;

/// <summary>A target's state as last committed: plain JSON (see <see cref="Infrastructure.GrainStateJsonSerializer"/>) and its version.</summary>
public sealed record StoredAudit(ReadOnlyMemory<byte> StateJson, long Version);
