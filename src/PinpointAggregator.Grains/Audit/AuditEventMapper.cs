using PinpointAggregator.Abstractions.Contracts;
using TrailRecordEvent = PinpointAggregator.Audit.Events.AuditEvent;

namespace PinpointAggregator.Grains.Audit;

/// <summary>Turns the domain event into the <see cref="AuditEvent"/> contract the audit grains are sent.</summary>
internal static class AuditEventMapper
{
    public static AuditEvent From(TrailRecordEvent e) => new()
    {
        EventId = e.EventId,
        DeduplicationId = e.DeduplicationId,
        IsAddendum = e.IsAddendum,
        At = e.Key.Time,
        EventName = e.EventName,
        IsWrite = e.IsWrite,
        ErrorCode = e.ErrorCode,
        Caller = e.Caller.DisplayName,
        SourceIpAddress = e.SourceIpAddress,
        ApplicationId = e.Target.ApplicationId,
        UnresolvedTarget = e.Target.UnresolvedApplicationId,
        Resource = e.Target.Resource.ToString(),
        ResourceId = e.Target.ResourceId,
        Channel = e.Target.Channel?.ToString(),
        ApplicationName = e.Details.Name,
        DestinationStreamArn = e.Details.DestinationStreamArn,
        Enabled = e.Details.Enabled,
        Version = e.Details.Version,
    };
}
