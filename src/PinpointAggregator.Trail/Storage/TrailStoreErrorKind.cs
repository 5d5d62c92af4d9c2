namespace PinpointAggregator.Trail.Storage;

/// <summary>What a failed store call means for the caller.</summary>
public enum TrailStoreErrorKind
{
    /// <summary>5xx, SlowDown, throttling, timeouts, resets: retry with backoff, never skip the file.</summary>
    Transient,

    /// <summary>Access denied or no usable credentials: the account is unhealthy; retry later.</summary>
    Denied,

    /// <summary>The key or bucket does not exist.</summary>
    NotFound,

    /// <summary>The object exists but cannot be read as stored (e.g. archived): quarantine, do not retry.</summary>
    Unreadable,

    /// <summary>Anything else the store rejected.</summary>
    Failed,
}
