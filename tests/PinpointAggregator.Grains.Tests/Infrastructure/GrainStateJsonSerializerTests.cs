using System.Text.Json.Nodes;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Tests.Fold;
using PinpointAggregator.Grains.Applications;
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
            ApplicationAuditor.Apply(state.Audit, state.Seen, e, recentLimit: 10);
        }

        return state;
    }
}
