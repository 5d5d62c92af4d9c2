using System.Text.Json;

namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// The envelope SNS wraps a message in when it delivers to SQS without raw message delivery: <c>{"Type": "Notification",
/// "MessageId": …, "TopicArn": …, "Message": "&lt;the published message as a string&gt;", …}</c>. Subscription and
/// unsubscribe confirmations come in the same envelope and name nothing.
/// </summary>
internal static class SnsEnvelope
{
    private const string TypeProperty = "Type";
    private const string MessageProperty = "Message";
    private const string Notification = "Notification";

    /// <summary>An object with SNS's <c>Type</c> and its <c>TopicArn</c> or <c>MessageId</c>.</summary>
    public static bool Matches(JsonElement root) =>
        NotificationJson.Has(root, TypeProperty) && (NotificationJson.Has(root, "TopicArn") || NotificationJson.Has(root, "MessageId"));

    /// <summary>The published message of a <c>Notification</c> envelope; otherwise null and the reason the envelope is set aside.</summary>
    public static string? Unwrap(JsonElement root, out ParsedNotification? setAside)
    {
        setAside = null;
        if (!NotificationJson.TryGetString(root, TypeProperty, out var type))
        {
            setAside = Unknown("Type is not a string");
            return null;
        }

        if (type != Notification)
        {
            // SubscriptionConfirmation / UnsubscribeConfirmation carry a token and a URL: never quoted, never followed.
            setAside = Unknown(type is "SubscriptionConfirmation" or "UnsubscribeConfirmation"
                ? $"an SNS {type}, not a notification (confirm or remove the subscription in SNS)"
                : $"an SNS envelope of type {NotificationJson.Quote(type)}, not Notification");
            return null;
        }

        if (!NotificationJson.TryGetProperty(root, MessageProperty, out var message) || !NotificationJson.TryGetString(message, out var text))
        {
            setAside = Unknown($"an SNS notification whose Message is {NotificationJson.Describe(message)}, not a string");
            return null;
        }

        return text;
    }

    private static ParsedNotification Unknown(string detail) => ParsedNotification.SetAside(NotificationSetAsideReasons.UnknownShape, detail);
}
