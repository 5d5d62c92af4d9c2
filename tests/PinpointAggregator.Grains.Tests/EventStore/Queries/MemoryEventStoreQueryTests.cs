using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Grains.Tests.EventStore.Queries;

/// <summary>The query contract on the in-memory store (the embedded default).</summary>
public sealed class MemoryEventStoreQueryTests : EventStoreQueryContract
{
    private readonly MemoryAuditStore _store = new();

    protected override IAuditStore Store => _store;

    protected override IEventQueries Queries => _store;

    protected override IApplicationDirectory Directory => _store;
}
