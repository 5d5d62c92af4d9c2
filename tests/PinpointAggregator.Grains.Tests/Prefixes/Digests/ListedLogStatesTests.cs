using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Grains.Prefixes.Digests;
using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.Grains.Tests.Prefixes.Digests;

/// <summary>What a prefix tells the verifier of each log a digest lists (<see cref="ListedLogStates"/>).</summary>
public sealed class ListedLogStatesTests
{
    private static readonly string Hash = new('a', 64);

    private static readonly Dictionary<string, DoneKeyHash> Recorded = new(StringComparer.Ordinal)
    {
        ["hashed"] = new(Hash, null),
        ["quarantined"] = new(null, "CorruptGzip: the gzip data is corrupt"),
        ["gone-when-read"] = new(null, "NotFound: NoSuchKey: gone"),
        ["not-read"] = new(null, null),
    };

    [Fact]
    public void EachSettledLog_IsHashed_Unhashable_OrMissing_AndAnUnknownOneIsMissing()
    {
        var states = ListedLogStates.Resolve(["hashed", "quarantined", "gone-when-read", "not-read", "never-seen"], Recorded, new Dictionary<string, RetryState>(), waitedLongEnough: false);

        Assert.NotNull(states);
        Assert.Equal(LogFileState.Hashed(Hash), states["hashed"]);
        Assert.Equal(LogFileState.Unhashable("CorruptGzip: the gzip data is corrupt"), states["quarantined"]);
        Assert.Equal(LogFileState.Missing, states["gone-when-read"]);
        Assert.Equal(LogFileStateKind.Unhashable, states["not-read"].Kind);
        Assert.Equal(LogFileState.Missing, states["never-seen"]);
    }

    [Fact]
    public void ALogWaitingForARetry_HoldsTheDigest_UntilItWaitedLongEnough_ThenItIsMissing()
    {
        var retrying = new Dictionary<string, RetryState>(StringComparer.Ordinal) { ["retrying"] = new RetryState() };

        Assert.Null(ListedLogStates.Resolve(["hashed", "retrying"], Recorded, retrying, waitedLongEnough: false));
        Assert.Equal(LogFileState.Missing, ListedLogStates.Resolve(["hashed", "retrying"], Recorded, retrying, waitedLongEnough: true)!["retrying"]);
    }
}
