namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>The S3 and SQS request kinds counted in status and metrics (each is billed by its kind).</summary>
/// <remarks>Digest requests are counted apart so their cost shows; S3 bills them as LIST and GET.</remarks>
public static class RequestKinds
{
    public const string List = "List";
    public const string Get = "Get";

    /// <summary>A <c>ListObjectsV2</c> of a <c>CloudTrail-Digest/</c> folder (at most one per poll).</summary>
    public const string DigestList = "DigestList";

    /// <summary>A <c>GetObject</c> of a digest file (one per digest).</summary>
    public const string DigestGet = "DigestGet";

    /// <summary>An SQS <c>ReceiveMessage</c> (a long poll; an empty one is billed too).</summary>
    public const string SqsReceive = "SqsReceive";

    /// <summary>An SQS <c>DeleteMessageBatch</c> (up to 10 messages).</summary>
    public const string SqsDelete = "SqsDelete";

    /// <summary>An SQS <c>ChangeMessageVisibilityBatch</c> (up to 10 messages).</summary>
    public const string SqsChangeVisibility = "SqsChangeVisibility";

    /// <summary>An SQS <c>GetQueueAttributes</c> (the queue's depth).</summary>
    public const string SqsGetAttributes = "SqsGetAttributes";
}
