using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Audit.Tests.Fold;

/// <summary>Builds <see cref="TestEvent"/>s for one application at minutes after <see cref="T0"/>.</summary>
internal static class AuditEvents
{
    public const string Ops = "arn:aws:iam::111122223333:role/ops";
    public const string Deployer = "arn:aws:iam::111122223333:role/deployer";

    public static readonly DateTime T0 = new(2024, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    public static DateTime At(int minute) => T0.AddMinutes(minute);

    /// <summary>A successful write call.</summary>
    public static TestEvent Write(string id, int minute, string name, string resource, string? resourceId = null) => new()
    {
        EventId = id,
        At = At(minute),
        EventName = name,
        IsWrite = true,
        Caller = Ops,
        SourceIpAddress = "192.0.2.10",
        ApplicationId = "app1",
        Resource = resource,
        ResourceId = resourceId,
    };

    /// <summary>A successful read call on the application.</summary>
    public static TestEvent Read(string id, int minute, string name = "GetApp") =>
        Write(id, minute, name, "Application", "app1") with { IsWrite = false };

    public static TestEvent Channel(string id, int minute, string name, string channel, bool? enabled = null) =>
        Write(id, minute, name, "Channel") with { Channel = channel, Enabled = enabled };

    public static TestEvent Campaign(string id, int minute, string name, string campaignId, int? version = null) =>
        Write(id, minute, name, "Campaign", campaignId) with { Version = version };

    /// <summary>CloudTrail re-sending <paramref name="original"/> under a new event id.</summary>
    public static TestEvent AddendumOf(TestEvent original, string id) =>
        original with { EventId = id, DeduplicationId = original.DeduplicationId ?? original.EventId, IsAddendum = true };
}
