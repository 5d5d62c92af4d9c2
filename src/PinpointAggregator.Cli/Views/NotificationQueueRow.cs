using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Views;

/// <summary>One row of <c>notifications</c>: a queue with its total counts, or with one silo's (<paramref name="Silo"/> set).</summary>
internal sealed record NotificationQueueRow(NotificationQueue Queue, string Silo, NotificationQueueCounters Counters)
{
    public static NotificationQueueRow Total(NotificationQueue queue) => new(queue, string.Empty, queue.Total ?? new NotificationQueueCounters());

    public static IEnumerable<NotificationQueueRow> Silos(NotificationQueue queue) =>
        queue.Silos.Select(s => new NotificationQueueRow(queue, s.Silo, s.Counters ?? new NotificationQueueCounters()));
}
