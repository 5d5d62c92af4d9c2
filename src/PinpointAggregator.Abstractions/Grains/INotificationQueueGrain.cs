using Orleans.Concurrency;
using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Abstractions.Grains;

/// <summary>
/// One configured notification queue (key: its display name, <c>NotificationQueueOptions.DisplayName</c>). Every
/// silo's consumer reports its counters every few seconds; operators read the sum. Holds no messages and keeps
/// nothing durable: after a restart the silos report again.
/// </summary>
[Alias("pa.INotificationQueueGrain")]
public interface INotificationQueueGrain : IGrainWithStringKey
{
    /// <summary>Replaces the silo's last report. <paramref name="visible"/> and <paramref name="inFlight"/> are the queue's own counts, when the silo asked.</summary>
    [Alias("Report"), OneWay]
    Task ReportAsync(string silo, NotificationQueueCounters counters, long? visible, long? inFlight);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<NotificationQueueStatus> GetStatusAsync();
}
