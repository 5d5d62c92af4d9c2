namespace PinpointAggregator.Trail.Storage;

/// <summary>
/// A store call failed. <see cref="Code"/> is the service's error code (e.g. <c>AccessDenied</c>,
/// <c>SlowDown</c>); the message never carries credentials.
/// </summary>
public sealed class TrailStoreException : Exception
{
    public TrailStoreException(TrailStoreErrorKind kind, string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Code = code;
    }

    public TrailStoreException()
        : this(TrailStoreErrorKind.Failed, "Unknown", "The trail store failed.")
    {
    }

    public TrailStoreException(string message)
        : this(TrailStoreErrorKind.Failed, "Unknown", message)
    {
    }

    public TrailStoreException(string message, Exception innerException)
        : this(TrailStoreErrorKind.Failed, "Unknown", message, innerException)
    {
    }

    public TrailStoreErrorKind Kind { get; }

    public string Code { get; }

    public bool IsTransient => Kind == TrailStoreErrorKind.Transient;
}
