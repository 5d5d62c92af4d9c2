using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Aws.Sqs;
using PinpointAggregator.Grains.Notifications;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Host.Hosting;

/// <summary>The composition's notification queues: every configured queue is read on SQS (<see cref="SqsNotificationQueueClientFactory"/>).</summary>
internal sealed class SqsNotificationQueues(SqsNotificationQueueClientFactory sqs) : INotificationQueueClientFactory
{
    public INotificationQueueClient Open(NotificationQueueOptions queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return sqs.Open(queue.Url, queue.Region, queue.RoleArn, queue.DisplayName);
    }
}
