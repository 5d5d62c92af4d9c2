using PinpointAggregator.Grains.DoneKeys;

namespace PinpointAggregator.Grains.Tests.DoneKeys;

/// <summary>The integrity contract of the done-key store, in memory.</summary>
public sealed class MemoryDoneKeyHashTests : DoneKeyHashContract
{
    protected override IDoneKeyStore Store { get; } = new MemoryDoneKeyStore();
}
