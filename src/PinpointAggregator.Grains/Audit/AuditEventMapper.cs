using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Trail.Events;
using PinpointAggregator.Trail.Pinpoint;

namespace PinpointAggregator.Grains.Audit;

/// <summary>Turns a trail record into the <see cref="AuditEvent"/> the audit grains apply.</summary>
internal static class AuditEventMapper
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Describe"];

    public static AuditEvent From(TrailEvent e)
    {
        var details = PinpointDetails.Of(e);
        return new AuditEvent
        {
            EventId = e.EventId,
            DeduplicationId = e.DeduplicationId,
            IsAddendum = e.Addendum is not null,
            At = e.EventTime.UtcDateTime,
            EventName = e.EventName,
            IsWrite = e.ReadOnly is { } readOnly ? !readOnly : !ReadPrefixes.Any(p => e.EventName.StartsWith(p, StringComparison.Ordinal)),
            ErrorCode = e.ErrorCode,
            Caller = e.Caller.DisplayName,
            SourceIpAddress = e.SourceIpAddress,
            ApplicationId = e.Target.ApplicationId,
            UnresolvedTarget = e.Target.UnresolvedApplicationId,
            Resource = e.Target.Resource.ToString(),
            ResourceId = e.Target.ResourceId,
            Channel = e.Target.Channel?.ToString(),
            ApplicationName = details.Name,
            DestinationStreamArn = details.DestinationStreamArn,
            Enabled = details.Enabled,
            Version = details.Version,
        };
    }
}
