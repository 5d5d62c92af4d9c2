namespace PinpointAggregator.Trail.Notifications;

/// <summary>Which kind of message named the objects.</summary>
public enum NotificationShape
{
    /// <summary>Not understood (see <see cref="ParsedNotification.SetAsideReason"/>).</summary>
    Unknown,

    /// <summary>CloudTrail's <c>{"s3Bucket": …, "s3ObjectKey": [ … ]}</c>, inside an SNS envelope or raw.</summary>
    CloudTrail,

    /// <summary>An S3 event notification, <c>Records[].s3.bucket.name</c> / <c>Records[].s3.object.key</c> (URL-encoded), raw or inside an SNS envelope.</summary>
    S3Event,

    /// <summary>An EventBridge "Object Created" event, <c>detail.bucket.name</c> / <c>detail.object.key</c>.</summary>
    EventBridge,
}
