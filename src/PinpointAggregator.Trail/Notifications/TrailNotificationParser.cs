using System.Text.Json;

namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// Reads one SQS message body: CloudTrail's notification (in an SNS envelope, or raw), an S3 event notification
/// (raw or in an SNS envelope), or an EventBridge "Object Created" event. Pure, bounded, and total: a hostile body
/// gets a set-aside reason, never an exception.
/// </summary>
/// <remarks>
/// Bounded: the length is checked before any parsing, JSON nesting is capped (<see cref="NotificationJson.MaxDepth"/>),
/// an SNS envelope is unwrapped once (an envelope inside one is set aside), and a message naming more than
/// <c>maxObjects</c> distinct objects is set aside whole. Details are short and never quote the body, only a few
/// characters of a type name. Objects are returned once each, in message order; S3 event keys are URL-decoded.
/// </remarks>
public static class TrailNotificationParser
{
    /// <param name="body">The message body as received.</param>
    /// <param name="maxBodyChars">The longest body read (<c>Ingestion:Notifications:MaxMessageBytes</c>); a longer one is <see cref="NotificationSetAsideReasons.TooLarge"/>.</param>
    /// <param name="maxObjects">The most distinct objects one message may name (<c>Ingestion:Notifications:MaxKeysPerMessage</c>).</param>
    public static ParsedNotification Parse(string body, int maxBodyChars, int maxObjects)
    {
        if (body is null || body.Length == 0)
        {
            return ParsedNotification.SetAside(NotificationSetAsideReasons.NotJson, "an empty body");
        }

        if (body.Length > maxBodyChars)
        {
            return ParsedNotification.SetAside(NotificationSetAsideReasons.TooLarge, $"a body of {body.Length} characters, more than {maxBodyChars}");
        }

        return Bounded(ParseJson(body, maxObjects, insideEnvelope: false));
    }

    /// <summary>Details are built from fixed text and short quotes; the cut is the last guard of the promise to logs.</summary>
    private static ParsedNotification Bounded(ParsedNotification parsed) =>
        parsed.Detail is { Length: > NotificationJson.MaxDetailChars } detail ? parsed with { Detail = detail[..NotificationJson.MaxDetailChars] } : parsed;

    private static ParsedNotification ParseJson(string text, int maxObjects, bool insideEnvelope)
    {
        using var document = NotificationJson.TryParse(text, out var notJson);
        if (document is null)
        {
            return ParsedNotification.SetAside(NotificationSetAsideReasons.NotJson, (insideEnvelope ? "the SNS Message is " : string.Empty) + notJson);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParsedNotification.SetAside(NotificationSetAsideReasons.UnknownShape, $"{(root.ValueKind == JsonValueKind.String ? "a string" : NotificationJson.Describe(root))}, not a JSON object");
        }

        if (SnsEnvelope.Matches(root))
        {
            if (insideEnvelope)
            {
                return ParsedNotification.SetAside(NotificationSetAsideReasons.UnknownShape, "an SNS envelope inside an SNS envelope");
            }

            var message = SnsEnvelope.Unwrap(root, out var setAside);
            return message is null ? setAside! : ParseMessage(message, maxObjects);
        }

        return ReadShape(root, maxObjects);
    }

    /// <summary>The message an SNS envelope carried; it was part of the body, so it is no longer than the body's limit.</summary>
    private static ParsedNotification ParseMessage(string message, int maxObjects) => message.Length == 0
        ? ParsedNotification.SetAside(NotificationSetAsideReasons.NotJson, "the SNS Message is empty")
        : ParseJson(message, maxObjects, insideEnvelope: true);

    private static ParsedNotification ReadShape(JsonElement root, int maxObjects)
    {
        if (CloudTrailNotificationReader.Matches(root))
        {
            return CloudTrailNotificationReader.Read(root, maxObjects);
        }

        if (S3EventNotificationReader.Matches(root))
        {
            return S3EventNotificationReader.Read(root, maxObjects);
        }

        if (S3EventNotificationReader.MatchesTestEvent(root))
        {
            return S3EventNotificationReader.ReadTestEvent(root);
        }

        if (EventBridgeNotificationReader.Matches(root))
        {
            return EventBridgeNotificationReader.Read(root, maxObjects);
        }

        return ParsedNotification.SetAside(
            NotificationSetAsideReasons.UnknownShape,
            "an object with none of s3Bucket/s3ObjectKey (CloudTrail), Records (S3), Event (S3 test), detail-type (EventBridge), Type/TopicArn (SNS)");
    }
}
