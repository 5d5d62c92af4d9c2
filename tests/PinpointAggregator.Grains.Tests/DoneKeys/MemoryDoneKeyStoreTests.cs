using PinpointAggregator.Grains.DoneKeys;

namespace PinpointAggregator.Grains.Tests.DoneKeys;

/// <summary>The in-memory done-key store keeps the contract the PostgreSQL one must keep too.</summary>
public sealed class MemoryDoneKeyStoreTests
{
    private static readonly DateTime T = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Records_Finds_AndForgetsByNameTime_PerPrefix()
    {
        var store = new MemoryDoneKeyStore();
        await store.RecordAsync("p1", [new DoneKey("a", T), new DoneKey("b", T.AddDays(1)), new DoneKey("a", T)], CancellationToken.None);
        await store.RecordAsync("p2", [new DoneKey("c", T)], CancellationToken.None);

        Assert.Equal(["a", "b"], (await store.FindDoneAsync("p1", ["a", "b", "c"], CancellationToken.None)).Order(StringComparer.Ordinal));

        await store.ForgetAsync("p1", T.AddHours(1), CancellationToken.None);

        Assert.Equal(["b"], await store.FindDoneAsync("p1", ["a", "b"], CancellationToken.None));
        Assert.Equal(["c"], await store.FindDoneAsync("p2", ["c"], CancellationToken.None));
        Assert.Equal(1, store.Count("p1"));
    }
}
