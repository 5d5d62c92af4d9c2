using System.Text.Json.Nodes;
using PinpointAggregator.Abstractions.Contracts;
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
    public void PrefixStateFromBeforeNotifications_ReadsWithDefaults_PollingAndAListingToComplete()
    {
        var written = JsonNode.Parse(_serializer.Serialize(new TrailPrefixState { Started = true, Interval = TimeSpan.FromMinutes(4) }).ToString())!.AsObject();
        Assert.True(written.Remove("notifications"));

        var state = _serializer.Deserialize<TrailPrefixState>(new BinaryData(written.ToJsonString()));

        var notifications = state.Notifications;
        Assert.Equal((TrailPrefixState.CurrentVersion, true, TimeSpan.FromMinutes(4)), (state.Version, state.Started, state.Interval));
        Assert.Equal(
            (PrefixIngestionMode.Polling, false, (DateTime?)null, 0L, 0L, 0L, 0L, (DateTime?)null, (string?)null, (DateTime?)null),
            (notifications.Mode, notifications.ListingCurrent, notifications.LastNotificationAt, notifications.FilesNotified, notifications.NotifiedAlreadyDone,
                notifications.NotifiedLate, notifications.Fallbacks, notifications.FallbackSince, notifications.FallbackReason, notifications.LastDigestRunAt));
    }

    [Fact]
    public void PrefixNotificationState_RoundTrips_WithTheModeAsItsName()
    {
        var state = new TrailPrefixState { Started = true };
        (state.Notifications.Mode, state.Notifications.FallbackReason, state.Notifications.Fallbacks, state.Notifications.ListingCurrent) = (PrefixIngestionMode.Fallback, "why", 3, true);

        var json = _serializer.Serialize(state);
        var back = _serializer.Deserialize<TrailPrefixState>(json);

        Assert.Equal("Fallback", JsonNode.Parse(json.ToString())!["notifications"]!["mode"]!.GetValue<string>());
        Assert.Equal((PrefixIngestionMode.Fallback, "why", 3L, true), (back.Notifications.Mode, back.Notifications.FallbackReason, back.Notifications.Fallbacks, back.Notifications.ListingCurrent));
    }

    [Fact]
    public void StateOfANewerVersion_IsRefused_NotSilentlyTruncated()
    {
        var stored = new JsonObject { ["version"] = TrailPrefixState.CurrentVersion + 1 };

        var error = Assert.Throws<NotSupportedException>(() => _serializer.Deserialize<TrailPrefixState>(new BinaryData(stored.ToJsonString())));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }
}
