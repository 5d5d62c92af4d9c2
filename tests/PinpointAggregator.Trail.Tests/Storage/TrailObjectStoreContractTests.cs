using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Trail.Tests.Storage;

/// <summary>The store abstraction offers no way to pull a whole object into memory.</summary>
public sealed class TrailObjectStoreContractTests
{
    [Fact]
    public void NoStoreMethod_ReturnsAWholeObjectAsBytes()
    {
        // Regression: ReadAsync returned byte[], so every object was buffered whole and one of 2 GB or more
        // failed in MemoryStream on every poll. Objects are read as streams only.
        var wholeObjectReads = typeof(ITrailObjectStore).GetMethods()
            .Where(m => m.ReturnType == typeof(byte[]) || m.ReturnType == typeof(Task<byte[]>) || m.ReturnType == typeof(ValueTask<byte[]>)
                || m.ReturnType == typeof(Task<ReadOnlyMemory<byte>>) || m.ReturnType == typeof(Task<Memory<byte>>))
            .Select(m => m.Name)
            .ToList();

        Assert.Empty(wholeObjectReads);
        Assert.Equal(typeof(Task<Stream>), typeof(ITrailObjectStore).GetMethod(nameof(ITrailObjectStore.OpenReadAsync))!.ReturnType);
    }
}
