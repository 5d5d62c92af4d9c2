using System.Text.Json.Nodes;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Prefixes;

namespace PinpointAggregator.Grains.Tests.Infrastructure;

/// <summary>The serializer's version hook: older shapes are upgraded on read, newer ones refused.</summary>
public sealed class StateUpgradeTests
{
    private readonly GrainStateJsonSerializer _serializer = new();

    [Fact]
    public void PrefixStateOfVersion1_RetryStampsBecomeRetryStates_DueNow()
    {
        var stored = new JsonObject { ["version"] = 1, ["started"] = true, ["retry"] = new JsonObject { ["k1"] = "2024-06-01T00:05:00Z" } };

        var state = _serializer.Deserialize<TrailPrefixState>(new BinaryData(stored.ToJsonString()));

        var retry = Assert.Single(state.Retry);
        var at = new DateTime(2024, 6, 1, 0, 5, 0, DateTimeKind.Utc);
        Assert.Equal(("k1", at, 1, at, at), (retry.Key, retry.Value.Stamp, retry.Value.Attempts, retry.Value.FirstFailedAt, retry.Value.NextAttemptAt));
        Assert.Equal((TrailPrefixState.CurrentVersion, true), (state.Version, state.Started));
    }

    [Fact]
    public void CurrentState_IsReadAsIs()
    {
        var state = new TrailPrefixState { Started = true };
        state.Retry["k"] = new RetryState { Attempts = 4 };

        var back = _serializer.Deserialize<TrailPrefixState>(_serializer.Serialize(state));

        Assert.Equal(4, back.Retry["k"].Attempts);
    }

    [Fact]
    public void StateOfANewerVersion_IsRefused_NotSilentlyTruncated()
    {
        var stored = new JsonObject { ["version"] = TrailPrefixState.CurrentVersion + 1 };

        var error = Assert.Throws<NotSupportedException>(() => _serializer.Deserialize<TrailPrefixState>(new BinaryData(stored.ToJsonString())));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }
}
