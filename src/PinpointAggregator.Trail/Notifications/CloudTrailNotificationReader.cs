using System.Text.Json;

namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// CloudTrail's own notification, <c>{"s3Bucket": "…", "s3ObjectKey": ["…", …]}</c> (CloudTrail User Guide,
/// "Configuring Amazon SNS notifications for CloudTrail"): the keys are written as stored, not URL-encoded.
/// </summary>
internal static class CloudTrailNotificationReader
{
    public const string BucketProperty = "s3Bucket";
    public const string KeysProperty = "s3ObjectKey";

    public static bool Matches(JsonElement root) => NotificationJson.Has(root, BucketProperty) || NotificationJson.Has(root, KeysProperty);

    public static ParsedNotification Read(JsonElement root, int maxObjects)
    {
        if (!NotificationJson.TryGetString(root, BucketProperty, out var bucket) || bucket.Length == 0)
        {
            return Unknown($"{BucketProperty} is not a non-empty string");
        }

        if (!NotificationJson.TryGetProperty(root, KeysProperty, out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return Unknown($"{KeysProperty} is not an array");
        }

        var objects = new NotifiedObjectCollector(maxObjects);
        var index = 0;
        foreach (var element in keys.EnumerateArray())
        {
            if (!NotificationJson.TryGetString(element, out var key) || key.Length == 0)
            {
                return Unknown($"{KeysProperty}[{index}] is {NotificationJson.Describe(element)}, not a non-empty string");
            }

            if (!objects.TryAdd(new NotifiedObject(bucket, key)))
            {
                return objects.TooMany(NotificationShape.CloudTrail);
            }

            index++;
        }

        return objects.Result(NotificationShape.CloudTrail);
    }

    private static ParsedNotification Unknown(string detail) =>
        ParsedNotification.SetAside(NotificationSetAsideReasons.UnknownShape, "CloudTrail notification: " + detail);
}
