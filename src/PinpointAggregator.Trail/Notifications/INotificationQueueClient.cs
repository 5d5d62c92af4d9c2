namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// One notification queue, as the consumer needs it; SQS in production (<c>PinpointAggregator.Aws</c>'s
/// <c>SqsNotificationQueueClient</c>). Here, beside the parser, so the AWS adapter implements it without the grains (as
/// it does <c>ITrailObjectStore</c>). Errors surface as exceptions; the consumer backs off and goes on.
/// </summary>
public interface INotificationQueueClient
{
    /// <summary>The queue's name in metrics, status and logs.</summary>
    string Name { get; }

    /// <summary>Long-polls for up to <paramref name="max"/> messages, hiding them for <paramref name="visibility"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int max, TimeSpan wait, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Deletes messages (batched); returns the ids of those the queue did not delete.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken);

    /// <summary>Hides messages still being worked on for <paramref name="visibility"/> more, from now.</summary>
    Task ExtendVisibilityAsync(IReadOnlyList<QueueMessage> messages, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>
    /// How many messages the queue holds (<c>GetQueueAttributes</c>). The age of the oldest message is not a queue
    /// attribute (SQS publishes <c>ApproximateAgeOfOldestMessage</c> to CloudWatch only): the consumer reports the
    /// oldest <see cref="QueueMessage.SentAt"/> it receives instead.
    /// </summary>
    Task<QueueDepth> DepthAsync(CancellationToken cancellationToken);
}
