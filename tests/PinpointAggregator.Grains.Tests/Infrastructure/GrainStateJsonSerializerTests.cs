using System.Text.Json.Nodes;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Tests.Fold;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Grains.Applications;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Grains.Infrastructure;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Grains.Tests.Infrastructure;

/// <summary>Grain state is stored as plain JSON of the fold's own types: no .NET type names, nothing lost.</summary>
public sealed class GrainStateJsonSerializerTests
{
    private readonly GrainStateJsonSerializer _serializer = new();

    [Fact]
    public void ApplicationState_RoundTrips_FieldForField()
    {
        var state = Folded();

        var back = _serializer.Deserialize<ApplicationState>(_serializer.Serialize(state));

        Assert.Equal(CanonicalJson.Of(state), CanonicalJson.Of(back));
        Assert.Equal(DateTimeKind.Utc, back.Audit.Created!.At.Kind);
    }

    [Fact]
    public void StoredState_IsPlainJson_WithoutTypeNames()
    {
        var json = _serializer.Serialize(Folded()).ToString();

        var root = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(ApplicationState.CurrentVersion, root["version"]!.GetValue<int>());
        Assert.Equal("orders", root["audit"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PinpointAggregator", json, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixState_WithEveryCollectionFilled_RoundTrips()
    {
        var at = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        var state = new TrailPrefixState { Started = true, BackfillFrom = at.AddDays(-1), NewestKey = "k2", NewestKeyAt = at, Interval = TimeSpan.FromMinutes(2), ReadThrough = at };
        state.Done["k1"] = at;
        state.Retry["k3"] = new RetryState { Stamp = at, Attempts = 2, FirstFailedAt = at, NextAttemptAt = at.AddSeconds(4), LastError = "SlowDown: x" };
        state.Routes["e1"] = new RouteEntry("app1", "e1-add", at, IsAddendum: true, at);
        state.Routes["e2"] = new RouteEntry(null, "e2", at, IsAddendum: false, at);
        state.Undelivered.Add(new PendingDelivery
        {
            Target = "app1",
            Events = [Write("e9", 1, "CreateApp", "Application", "app1") with { ApplicationName = "orders", Channel = null }, AddendumOf(Read("e8", 2), "e8-add")],
            Retractions = [new Retraction("e7", at, "e7-add", IsAddendum: true)],
            Attempts = 1,
            FirstFailedAt = at,
            LastError = "TimeoutException: x",
        });
        state.Quarantined.Add(new QuarantinedFile("k4", "InvalidJson", "bad", at, 3));
        state.SetAside.Add(new SetAsideEvents("app2", "ArgumentException: x", 2, ["a", "b"], at));
        state.FutureDatedKeys.Add(new FutureDatedKey("k5", at.AddYears(70), at));
        state.Counters.Requests["List"] = 3;
        state.Applications.Add("app1");

        var back = _serializer.Deserialize<TrailPrefixState>(_serializer.Serialize(state));

        Assert.Equal(CanonicalJson.Of(state), CanonicalJson.Of(back));
        Assert.Equal(state.Undelivered[0].Events, back.Undelivered[0].Events);
    }

    private static ApplicationState Folded()
    {
        var state = new ApplicationState { Audit = new ApplicationAuditState { Account = "111122223333", Region = "us-east-1", ApplicationId = "app1" } };
        foreach (var e in new[]
        {
            Write("c1", 1, "CreateApp", "Application", "app1") with { ApplicationName = "orders" },
            Channel("s1", 2, "UpdateSmsChannel", "Sms", enabled: true),
            Campaign("k1", 3, "UpdateCampaign", "c9", version: 4),
            Read("r1", 4) with { ErrorCode = "AccessDeniedException" },
        })
        {
            ApplicationAuditor.Apply(state.Audit, new Dictionary<string, EventStamp>(StringComparer.Ordinal), e, recentLimit: 10);
        }

        return state;
    }
}
