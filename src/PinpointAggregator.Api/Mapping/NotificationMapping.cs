using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Api.V1;
using static PinpointAggregator.Api.Mapping.ProtoTime;
using NotificationQueueCounters = PinpointAggregator.Api.V1.NotificationQueueCounters;

namespace PinpointAggregator.Api.Mapping;

/// <summary>A prefix's notification status and a queue's status (the grains' contracts) as the API's messages.</summary>
internal static class NotificationMapping
{
    public static PrefixNotifications ToProto(this PrefixNotificationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new PrefixNotifications
        {
            Mode = ToProto(status.Mode),
            LastNotificationTime = ToTimestamp(status.LastNotificationAt),
            FilesNotified = status.FilesNotified,
            NotifiedAlreadyDone = status.NotifiedAlreadyDone,
            NotifiedLate = status.NotifiedLate,
            FallbackSince = ToTimestamp(status.FallbackSince),
            FallbackReason = status.FallbackReason ?? string.Empty,
            Fallbacks = status.Fallbacks,
        };
    }

    public static V1.PrefixIngestionMode ToProto(Abstractions.Contracts.PrefixIngestionMode mode) => mode switch
    {
        Abstractions.Contracts.PrefixIngestionMode.Notified => V1.PrefixIngestionMode.Notified,
        Abstractions.Contracts.PrefixIngestionMode.Fallback => V1.PrefixIngestionMode.Fallback,

        // Polling, and any mode this API does not know yet: the prefix lists, which is what polling means.
        _ => V1.PrefixIngestionMode.Polling,
    };

    /// <param name="queue">The queue as configured (its URL; its name keys the status).</param>
    /// <param name="status">What its grain says.</param>
    public static NotificationQueue ToProto(this NotificationQueueStatus status, NotificationQueueOptions queue)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(queue);
        var message = new NotificationQueue
        {
            Name = queue.DisplayName,
            Url = queue.Url,
            Total = status.Total.ToProto(),
            UpdatedTime = ToTimestamp(status.UpdatedAt),
        };
        if (status.Visible is { } visible)
        {
            message.Visible = visible;
        }

        if (status.InFlight is { } inFlight)
        {
            message.InFlight = inFlight;
        }

        message.Silos.AddRange(status.Silos
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new NotificationQueueSilo { Silo = s.Key, Counters = s.Value.ToProto() }));
        return message;
    }

    public static NotificationQueueCounters ToProto(this Abstractions.Contracts.NotificationQueueCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var message = new NotificationQueueCounters
        {
            MessagesReceived = counters.MessagesReceived,
            MessagesDeleted = counters.MessagesDeleted,
            KeysRouted = counters.KeysRouted,
            OldestMessageAge = ToDuration(counters.OldestMessageAge),
            LatencyP50 = ToDuration(counters.LatencyP50),
            LatencyP99 = ToDuration(counters.LatencyP99),
            LastReceiveTime = ToTimestamp(counters.LastReceiveAt),
            LastError = counters.LastError ?? string.Empty,
        };
        foreach (var (reason, count) in counters.SetAsideByReason)
        {
            message.SetAsideByReason[reason] = count;
        }

        foreach (var (kind, count) in counters.Requests)
        {
            message.Requests[kind] = count;
        }

        return message;
    }
}
