using PinpointAggregator.Grains.Integrity;

namespace PinpointAggregator.Grains.Tests.Integrity;

/// <summary>The finding store's contract, in memory (the embedded default).</summary>
public sealed class MemoryIntegrityFindingStoreTests : IntegrityFindingStoreContract
{
    protected override IIntegrityFindingStore Store { get; } = new MemoryIntegrityFindingStore();
}
