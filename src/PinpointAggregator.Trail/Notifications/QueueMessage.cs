namespace PinpointAggregator.Trail.Notifications;

/// <summary>One received queue message.</summary>
/// <param name="MessageId">The queue's id for it (the same on every receive).</param>
/// <param name="ReceiptHandle">What delete and visibility calls name; changes with every receive.</param>
/// <param name="Body">The body as received.</param>
/// <param name="SentAt">When the queue received it (SQS <c>SentTimestamp</c>), UTC.</param>
/// <param name="ReceiveCount">How often it has been received, this time included (<c>ApproximateReceiveCount</c>).</param>
public sealed record QueueMessage(string MessageId, string ReceiptHandle, string Body, DateTime SentAt, int ReceiveCount);
