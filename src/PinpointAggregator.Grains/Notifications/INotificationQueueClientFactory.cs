using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>Opens a configured queue (the host registers the SQS one).</summary>
public interface INotificationQueueClientFactory
{
    INotificationQueueClient Open(NotificationQueueOptions queue);
}
