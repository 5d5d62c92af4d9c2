using System.Text.Json;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Tests.Notifications;

/// <summary>Queue messages as SQS hands them to the consumer, with CloudTrail-shaped bodies.</summary>
internal static class QueueMessages
{
    public const string Bucket = "org-trails";

    public static readonly DateTime SentAt = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>CloudTrail's raw notification (raw message delivery on) naming <paramref name="keys"/> in <see cref="Bucket"/>.</summary>
    public static QueueMessage CloudTrail(string id, int receives, params string[] keys) =>
        CloudTrailAt(id, receives, SentAt, keys);

    public static QueueMessage CloudTrailAt(string id, int receives, DateTime sentAt, params string[] keys) =>
        new(id, "receipt-" + id + "-" + receives, JsonSerializer.Serialize(new { s3Bucket = Bucket, s3ObjectKey = keys }), sentAt, receives);

    public static QueueMessage Body(string id, int receives, string body) => new(id, "receipt-" + id + "-" + receives, body, SentAt, receives);
}
