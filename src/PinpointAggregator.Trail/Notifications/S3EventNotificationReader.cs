using System.Text.Json;

namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// An S3 event notification, <c>{"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": {"bucket":
/// {"name": …}, "object": {"key": …}}}]}</c> (Amazon S3 User Guide, "Event message structure"): the key is URL-encoded,
/// <c>+</c> for a space. Records of other event names (removals, restores) are skipped; S3's
/// <c>{"Event": "s3:TestEvent"}</c>, sent when a notification configuration is saved, names nothing.
/// </summary>
internal static class S3EventNotificationReader
{
    public const string RecordsProperty = "Records";
    public const string EventProperty = "Event";
    private const string TestEvent = "s3:TestEvent";
    private const string EventSource = "aws:s3";
    private const string ObjectCreated = "ObjectCreated:";

    public static bool MatchesTestEvent(JsonElement root) => NotificationJson.Has(root, EventProperty);

    public static bool Matches(JsonElement root) => NotificationJson.Has(root, RecordsProperty);

    public static ParsedNotification ReadTestEvent(JsonElement root) =>
        NotificationJson.TryGetString(root, EventProperty, out var name) && name == TestEvent
            ? ParsedNotification.SetAside(NotificationSetAsideReasons.TestEvent, "S3's test event (sent when a bucket's notification configuration is saved)")
            : ParsedNotification.SetAside(NotificationSetAsideReasons.UnknownShape, "an Event property that is not s3:TestEvent");

    public static ParsedNotification Read(JsonElement root, int maxObjects)
    {
        if (!NotificationJson.TryGetProperty(root, RecordsProperty, out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return Unknown($"{RecordsProperty} is not an array");
        }

        var objects = new NotifiedObjectCollector(maxObjects);
        var (index, skipped) = (0, 0);
        foreach (var record in records.EnumerateArray())
        {
            var at = $"{RecordsProperty}[{index++}]";
            if (!NotificationJson.TryGetString(record, "eventSource", out var source) || source != EventSource)
            {
                // A CloudTrail log body has Records too; anything but S3's records is not an S3 notification.
                return Unknown($"{at}.eventSource is not {EventSource}");
            }

            if (!NotificationJson.TryGetString(record, "eventName", out var name))
            {
                return Unknown($"{at}.eventName is not a string");
            }

            if (!name.StartsWith(ObjectCreated, StringComparison.Ordinal))
            {
                skipped++;
                continue;
            }

            if (!NotificationJson.TryGetString(record, out var bucket, "s3", "bucket", "name") || bucket.Length == 0)
            {
                return Unknown($"{at}.s3.bucket.name is not a non-empty string");
            }

            if (!NotificationJson.TryGetString(record, out var encoded, "s3", "object", "key") || encoded.Length == 0)
            {
                return Unknown($"{at}.s3.object.key is not a non-empty string");
            }

            if (!S3EventKeyDecoder.TryDecode(encoded, out var key))
            {
                return Unknown($"{at}.s3.object.key is not URL-encoded UTF-8");
            }

            if (!objects.TryAdd(new NotifiedObject(bucket, key)))
            {
                return objects.TooMany(NotificationShape.S3Event);
            }
        }

        return objects.Count == 0 && skipped > 0
            ? ParsedNotification.SetAside(NotificationSetAsideReasons.NotObjectCreated, $"{skipped} S3 event record(s), none ObjectCreated:*")
            : objects.Result(NotificationShape.S3Event);
    }

    private static ParsedNotification Unknown(string detail) =>
        ParsedNotification.SetAside(NotificationSetAsideReasons.UnknownShape, "S3 event notification: " + detail);
}
