using PinpointAggregator.Grains.DoneKeys;

namespace PinpointAggregator.Grains.Tests.DoneKeys;

/// <summary>
/// What every done-key store answers alike for integrity validation (hashes, listed marks, unlisted keys), run
/// on the in-memory store here and on PostgreSQL in the integration tests. Each test starts on an empty store.
/// </summary>
public abstract class DoneKeyHashContract
{
    private const string Prefix = "bucket/AWSLogs/111122223333/CloudTrail/us-east-1/";
    private static readonly DateTime T = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);

    protected abstract IDoneKeyStore Store { get; }

    [Fact]
    public async Task Hashes_AreFoundForRecordedKeysOnly_WithTheReasonOfAnUnhashableOne()
    {
        await Store.RecordAsync(Prefix, [new DoneKey("a", T, HashA), new DoneKey("q", T, null, "CorruptGzip: bad"), new DoneKey("m", T)], default);
        await Store.RecordAsync("other/prefix/", [new DoneKey("b", T, HashB)], default);

        var found = await Store.FindHashesAsync(Prefix, ["a", "q", "m", "b", "absent"], default);

        Assert.Equal(
            [("a", new DoneKeyHash(HashA, null)), ("m", new DoneKeyHash(null, null)), ("q", new DoneKeyHash(null, "CorruptGzip: bad"))],
            found.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public async Task RecordingAgain_TakesANewHash_ButARecordWithoutOneKeepsIt()
    {
        await Store.RecordAsync(Prefix, [new DoneKey("a", T, HashA), new DoneKey("b", T, HashA)], default);
        await Store.RecordAsync(Prefix, [new DoneKey("a", T, HashB), new DoneKey("b", T)], default);

        var found = await Store.FindHashesAsync(Prefix, ["a", "b"], default);

        Assert.Equal((HashB, HashA), (found["a"].Sha256, found["b"].Sha256));
    }

    [Fact]
    public async Task Unlisted_AreTheKeysNotMarked_InTheTimeRange_InNameTimeThenKeyOrder_UpToTheLimit()
    {
        await Store.RecordAsync(Prefix, [
            new DoneKey("k3", T.AddMinutes(10), HashA),
            new DoneKey("k1", T.AddMinutes(5), HashA),
            new DoneKey("k2", T.AddMinutes(5), null, "CorruptGzip: bad"),
            new DoneKey("before", T.AddMinutes(-1), HashA),
            new DoneKey("at-end", T.AddMinutes(20), HashA),
            new DoneKey("listed", T.AddMinutes(6), HashA)], default);
        await Store.RecordAsync("other/prefix/", [new DoneKey("elsewhere", T.AddMinutes(5), HashA)], default);
        await Store.MarkListedAsync(Prefix, ["listed", "never-recorded"], default);

        var unlisted = await Store.FindUnlistedAsync(Prefix, T, T.AddMinutes(20), 10, default);
        var limited = await Store.FindUnlistedAsync(Prefix, T, T.AddMinutes(20), 2, default);

        Assert.Equal(
            [new DoneKey("k1", T.AddMinutes(5), HashA), new DoneKey("k2", T.AddMinutes(5), null, "CorruptGzip: bad"), new DoneKey("k3", T.AddMinutes(10), HashA)],
            unlisted);
        Assert.Equal(["k1", "k2"], limited.Select(k => k.Key));
        Assert.Empty(await Store.FindDoneAsync(Prefix, ["never-recorded"], default));
    }

    [Fact]
    public async Task MarkingListed_IsIdempotent_AndSurvivesRecordingAgain()
    {
        await Store.RecordAsync(Prefix, [new DoneKey("a", T, HashA)], default);
        await Store.MarkListedAsync(Prefix, ["a", "a"], default);
        await Store.MarkListedAsync(Prefix, ["a"], default);
        await Store.RecordAsync(Prefix, [new DoneKey("a", T, HashB)], default);

        Assert.Empty(await Store.FindUnlistedAsync(Prefix, T.AddDays(-1), T.AddDays(1), 10, default));
    }
}
