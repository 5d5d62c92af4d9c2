namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// Why a message, or one object it names, is set aside (counted by reason, never retried). Stable names: they
/// are metric label values and status keys.
/// </summary>
public static class NotificationSetAsideReasons
{
    // A whole message.
    public const string TooLarge = "TooLarge";
    public const string NotJson = "NotJson";
    public const string UnknownShape = "UnknownShape";
    public const string TestEvent = "TestEvent";
    public const string NotObjectCreated = "NotObjectCreated";
    public const string NoObjects = "NoObjects";
    public const string TooManyObjects = "TooManyObjects";

    // One object.
    public const string ForeignBucket = "ForeignBucket";
    public const string NotTrailKey = "NotTrailKey";
    public const string DigestFile = "DigestFile";
    public const string OutsideTrailPrefix = "OutsideTrailPrefix";
    public const string ExcludedAccount = "ExcludedAccount";
    public const string PrefixNotStarted = "PrefixNotStarted";

    /// <summary>Received <c>Ingestion:Notifications:MaxReceives</c> times with keys still waiting (they wait in their prefix's retry state).</summary>
    public const string TooManyReceives = "TooManyReceives";
}
