namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// A request to a notification queue failed (throttled, denied, unreachable, the queue gone). Its message names the
/// queue, the request and the service's error code only — never a credential, nor the service's own error text, which
/// can quote signed headers — so it may be logged and shown in status as it is.
/// </summary>
public sealed class NotificationQueueException : Exception
{
    public NotificationQueueException()
    {
    }

    public NotificationQueueException(string message)
        : base(message)
    {
    }

    public NotificationQueueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The service's error code, or the failure's type when the service never answered.</summary>
    public string Code { get; init; } = string.Empty;
}
