namespace PinpointAggregator.Trail.Notifications;

/// <summary>What one queue message says: the objects it names, or why it is set aside whole.</summary>
/// <param name="Shape">Which kind of message it was.</param>
/// <param name="Objects">The objects named, in message order, decoded; empty when set aside.</param>
/// <param name="SetAsideReason">One of <see cref="NotificationSetAsideReasons"/>'s message reasons; null when the message was understood.</param>
/// <param name="Detail">A short, bounded description for logs (never the whole hostile body).</param>
public sealed record ParsedNotification(
    NotificationShape Shape,
    IReadOnlyList<NotifiedObject> Objects,
    string? SetAsideReason = null,
    string? Detail = null)
{
    public static ParsedNotification SetAside(string reason, string detail) => new(NotificationShape.Unknown, [], reason, detail);
}
