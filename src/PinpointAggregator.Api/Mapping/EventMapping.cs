using PinpointAggregator.Api.Resources;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.EventStore.Queries;
using static PinpointAggregator.Api.Mapping.ProtoTime;

namespace PinpointAggregator.Api.Mapping;

/// <summary>A stored event (the event store's row) as the API's <see cref="Event"/> message.</summary>
internal static class EventMapping
{
    /// <param name="stored">The row.</param>
    /// <param name="full">Whether to include the raw request and response JSON (the FULL view).</param>
    public static Event ToProto(this StoredEvent stored, bool full)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var message = new Event
        {
            Name = EventName.Format(stored.EventId),
            EventId = stored.EventId,
            EventTime = ToTimestamp(stored.EventTime),
            Account = stored.Account,
            Region = stored.Region ?? string.Empty,
            ApplicationId = stored.ApplicationId ?? string.Empty,
            Application = stored is { Region: { } region, ApplicationId: { } app } ? ApplicationName.Format(stored.Account, region, app) : string.Empty,
            EventSource = stored.EventSource,
            EventName = stored.EventName,
            EventType = stored.EventType ?? string.Empty,
            ResourceKind = stored.ResourceKind,
            ResourceId = stored.ResourceId ?? string.Empty,
            Channel = stored.Channel ?? string.Empty,
            UnresolvedTarget = stored.UnresolvedTarget ?? string.Empty,
            Caller = new Caller
            {
                Type = stored.CallerType ?? string.Empty,
                Arn = stored.CallerArn ?? string.Empty,
                AccountId = stored.CallerAccountId ?? string.Empty,
                PrincipalId = stored.CallerPrincipalId ?? string.Empty,
                UserName = stored.CallerUserName ?? string.Empty,
                IssuerArn = stored.CallerIssuerArn ?? string.Empty,
                InvokedBy = stored.CallerInvokedBy ?? string.Empty,
                Display = stored.Caller,
            },
            IsWrite = stored.IsWrite,
            ErrorCode = stored.ErrorCode ?? string.Empty,
            ErrorMessage = stored.ErrorMessage ?? string.Empty,
            SourceIp = stored.SourceIp ?? string.Empty,
            UserAgent = stored.UserAgent ?? string.Empty,
            RequestId = stored.RequestId ?? string.Empty,
            SourceKey = stored.SourceKey ?? string.Empty,
            IsAddendum = stored.IsAddendum,
        };
        if (stored.ReadOnly is { } readOnly)
        {
            message.ReadOnly = readOnly;
        }

        if (full)
        {
            message.RequestParametersJson = stored.RequestParametersJson ?? string.Empty;
            message.ResponseElementsJson = stored.ResponseElementsJson ?? string.Empty;
        }

        return message;
    }
}
