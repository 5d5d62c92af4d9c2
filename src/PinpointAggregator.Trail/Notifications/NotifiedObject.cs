namespace PinpointAggregator.Trail.Notifications;

/// <summary>An object a notification names: its bucket and its key, decoded (S3 event keys arrive URL-encoded).</summary>
public readonly record struct NotifiedObject(string Bucket, string Key);
