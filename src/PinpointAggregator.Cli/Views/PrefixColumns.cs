using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary>A trail prefix's ingestion status as a row: its mode (polling, notified, FALLBACK), and its integrity validation's line (validated through, violations).</summary>
internal static class PrefixColumns
{
    public static readonly IReadOnlyList<Column<Prefix>> All =
    [
        new("account", p => p.Account),
        new("region", p => p.Region),
        new("caught_up", p => Flag(p.CaughtUp)),
        new("paused", p => Flag(p.Paused)),
        new("mode", IngestionModeNames.Of),
        new("lag", p => Duration(p.Lag), Numeric: true),
        new("last_poll_time", p => Time(p.LastPollTime)),
        new("files_read", p => Number(p.FilesRead), Numeric: true),
        new("events", p => Number(p.Events), Numeric: true),
        new("quarantined", p => Number(p.FilesQuarantined), Numeric: true),
        new("set_aside", p => Number(p.EventsSetAside), Numeric: true),
        new("missed", p => Number(p.FilesMissed), Numeric: true),
        new("future_dated", p => Number(p.FutureDatedKeys), Numeric: true),
        new("retries", p => Number(p.PendingRetries), Numeric: true),
        new("validated_through", p => Time(PrefixIntegrityColumns.Of(p).ValidatedThrough)),
        new("violations", p => Number(PrefixIntegrityColumns.Of(p).Violations), Numeric: true),
        new("last_error", p => p.LastError),
        new("next_poll_time", p => Time(p.NextPollTime), Detail: true),
        new("read_through", p => Time(p.ReadThrough), Detail: true),
        new("consecutive_failures", p => Number(p.ConsecutiveFailures), Numeric: true, Detail: true),
        new("duplicates_dropped", p => Number(p.DuplicatesDropped), Numeric: true, Detail: true),
        new("stuck_files", p => Number(p.StuckFiles), Numeric: true, Detail: true),
        new("integrity_lag", p => Duration(PrefixIntegrityColumns.Of(p).ValidatedThroughLag), Numeric: true, Detail: true),
        new("digests_checked", p => Number(PrefixIntegrityColumns.Of(p).DigestsChecked), Numeric: true, Detail: true),
        new("digests_waiting", p => Number(PrefixIntegrityColumns.Of(p).DigestsWaiting), Numeric: true, Detail: true),
        new("integrity_error", p => PrefixIntegrityColumns.Of(p).LastError, Detail: true),
        new("last_notification_time", p => Time(IngestionModeNames.Notifications(p).LastNotificationTime), Detail: true),
        new("files_notified", p => Number(IngestionModeNames.Notifications(p).FilesNotified), Numeric: true, Detail: true),
        new("fallback_since", p => Time(IngestionModeNames.Notifications(p).FallbackSince), Detail: true),
        new("fallback_reason", p => IngestionModeNames.Notifications(p).FallbackReason, Detail: true),
        new("requests", p => List(p.Requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={Number(r.Value)}")), Detail: true),
        new("location", p => p.Location, Detail: true),
    ];
}
