using System.Text.Json;

namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>Message bodies as AWS writes them: CloudTrail's notification, an S3 event notification, an EventBridge event.</summary>
internal static class NotificationBodies
{
    public static string CloudTrail(string bucket, params string[] keys) =>
        JsonSerializer.Serialize(new { s3Bucket = bucket, s3ObjectKey = keys });

    /// <summary>An S3 <c>ObjectCreated:Put</c> record per key; keys URL-encoded as S3 writes them (a trail key needs no escaping but for safety).</summary>
    public static string S3Event(string bucket, params string[] keys) => JsonSerializer.Serialize(new
    {
        Records = keys.Select(key => new
        {
            eventVersion = "2.1",
            eventSource = "aws:s3",
            awsRegion = "us-east-1",
            eventTime = "2024-06-01T00:11:05.123Z",
            eventName = "ObjectCreated:Put",
            s3 = new
            {
                s3SchemaVersion = "1.0",
                configurationId = "trail-logs-to-sqs",
                bucket = new { name = bucket, arn = "arn:aws:s3:::" + bucket },
                @object = new { key = string.Join('/', key.Split('/').Select(Uri.EscapeDataString)), size = 1024 },
            },
        }),
    });

    public static string EventBridge(string bucket, string key) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "Object Created",
        ["source"] = "aws.s3",
        ["account"] = "999988887777",
        ["time"] = "2024-06-01T00:11:05Z",
        ["region"] = "us-east-1",
        ["resources"] = new[] { "arn:aws:s3:::" + bucket },
        ["detail"] = new { version = "0", bucket = new { name = bucket }, @object = new { key, size = 1024 }, reason = "PutObject" },
    });

    /// <summary>The message S3 sends when an event notification is first set up.</summary>
    public static string S3TestEvent(string bucket) =>
        JsonSerializer.Serialize(new { Service = "Amazon S3", Event = "s3:TestEvent", Time = "2024-06-01T00:00:00.000Z", Bucket = bucket, RequestId = "5582815E1AEA5ADF" });
}
