using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>An event as a row: searches, histories, exports and the watch.</summary>
internal static class EventColumns
{
    public static readonly IReadOnlyList<Column<Event>> All =
    [
        new("time", e => Time(e.EventTime), Width: 20),
        new("account", e => e.Account, Width: 12),
        new("region", e => e.Region, Width: 14),
        new("application_id", e => e.ApplicationId, Width: 32),
        new("event_name", e => e.EventName, Width: 28),
        new("caller", e => e.Caller?.Display ?? string.Empty, Width: 40),
        new("error_code", e => e.ErrorCode, Width: 16),
        new("event_id", e => e.EventId, Width: 36),
        new("resource_kind", e => e.ResourceKind, Detail: true),
        new("resource_id", e => e.ResourceId, Detail: true),
        new("channel", e => e.Channel, Detail: true),
        new("read_only", e => e.HasReadOnly ? Flag(e.ReadOnly) : string.Empty, Detail: true),
        new("is_write", e => Flag(e.IsWrite), Detail: true),
        new("error_message", e => e.ErrorMessage, Detail: true),
        new("source_ip", e => e.SourceIp, Detail: true),
        new("user_agent", e => e.UserAgent, Detail: true),
        new("request_id", e => e.RequestId, Detail: true),
        new("unresolved_target", e => e.UnresolvedTarget, Detail: true),
        new("is_addendum", e => Flag(e.IsAddendum), Detail: true),
        new("event_source", e => e.EventSource, Detail: true),
        new("event_type", e => e.EventType, Detail: true),
        new("source_key", e => e.SourceKey, Detail: true),
        new("request_parameters_json", e => e.RequestParametersJson, Detail: true),
        new("response_elements_json", e => e.ResponseElementsJson, Detail: true),
    ];
}
