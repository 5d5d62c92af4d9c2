using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Queries;

/// <summary>
/// Every configured notification queue's status, in configuration order: each from its grain (keyed by the
/// queue's display name), which sums what every silo's consumer reports. No queue configured: an empty list,
/// and no grain is asked.
/// </summary>
internal sealed class NotificationQueueQuery(IGrainFactory grains, IOptions<IngestionOptions> ingestion)
{
    public async Task<ListNotificationQueuesResponse> RunAsync()
    {
        var queues = ingestion.Value.Notifications.Queues;
        var statuses = await Task.WhenAll(queues.Select(q => grains.GetGrain<INotificationQueueGrain>(q.DisplayName).GetStatusAsync()));
        return new ListNotificationQueuesResponse { Queues = { queues.Select((q, i) => statuses[i].ToProto(q)) } };
    }
}
