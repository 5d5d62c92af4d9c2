using System.Text.Json;

namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// An EventBridge event from S3, <c>{"source": "aws.s3", "detail-type": "Object Created", "detail": {"bucket": {"name": …},
/// "object": {"key": …}}}</c>, delivered by a rule whose target is the queue (or an SNS topic). Other detail types
/// (Object Deleted, Object Restore …) name nothing to read.
/// </summary>
/// <remarks>
/// The key is used as written, not URL-decoded: the Amazon S3 User Guide's "EventBridge event message structure"
/// gives <c>detail.object.key</c> as the object's key and, unlike its "Event message structure" page for S3 event
/// notifications ("The object key name value is URL encoded"), says nothing of an encoding. (A trail key holds only
/// letters, digits and <c>/ _ - .</c>, which neither form changes, so a trail key reads the same either way.)
/// </remarks>
internal static class EventBridgeNotificationReader
{
    public const string DetailTypeProperty = "detail-type";
    private const string Source = "aws.s3";
    private const string ObjectCreated = "Object Created";

    public static bool Matches(JsonElement root) => NotificationJson.Has(root, DetailTypeProperty);

    public static ParsedNotification Read(JsonElement root, int maxObjects)
    {
        if (!NotificationJson.TryGetString(root, "source", out var source) || source != Source)
        {
            return Unknown($"source is not {Source}");
        }

        if (!NotificationJson.TryGetString(root, DetailTypeProperty, out var detailType))
        {
            return Unknown($"{DetailTypeProperty} is not a string");
        }

        if (detailType != ObjectCreated)
        {
            return ParsedNotification.SetAside(NotificationSetAsideReasons.NotObjectCreated, $"an EventBridge {NotificationJson.Quote(detailType)} event");
        }

        if (!NotificationJson.TryGetString(root, out var bucket, "detail", "bucket", "name") || bucket.Length == 0)
        {
            return Unknown("detail.bucket.name is not a non-empty string");
        }

        if (!NotificationJson.TryGetString(root, out var key, "detail", "object", "key") || key.Length == 0)
        {
            return Unknown("detail.object.key is not a non-empty string");
        }

        var objects = new NotifiedObjectCollector(maxObjects);
        return objects.TryAdd(new NotifiedObject(bucket, key)) ? objects.Result(NotificationShape.EventBridge) : objects.TooMany(NotificationShape.EventBridge);
    }

    private static ParsedNotification Unknown(string detail) =>
        ParsedNotification.SetAside(NotificationSetAsideReasons.UnknownShape, "EventBridge event: " + detail);
}
