namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// Reads one SQS message body: CloudTrail's notification (in an SNS envelope, or raw), an S3 event notification
/// (raw or in an SNS envelope), or an EventBridge "Object Created" event. Pure, bounded, and total: a hostile body
/// gets a set-aside reason, never an exception.
/// </summary>
public static class TrailNotificationParser
{
    public static ParsedNotification Parse(string body, int maxBodyChars, int maxObjects) =>
        throw new NotImplementedException("issue 12: the parser is being built");
}
