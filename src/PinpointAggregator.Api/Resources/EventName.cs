using System.Diagnostics.CodeAnalysis;

namespace PinpointAggregator.Api.Resources;

/// <summary>
/// The resource name of a kept event: <c>events/{event_id}</c>, the id being CloudTrail's eventID,
/// percent-encoded. CloudTrail's ids are GUIDs and read the same encoded; a member account may write any id
/// (a slash, control characters, any length), and every id the store holds must have a name that
/// <see cref="TryParse"/> takes back, or that event could not be fetched.
/// </summary>
internal static class EventName
{
    /// <summary>The longest id a request may name (after decoding): far above any id a trail record can hold in practice.</summary>
    public const int MaxEventIdLength = 4096;

    public static string Format(string eventId) => $"events/{Uri.EscapeDataString(eventId)}";

    /// <returns>False, with what is wrong, when <paramref name="name"/> is not a well-formed event name.</returns>
    public static bool TryParse(string? name, [NotNullWhen(true)] out string? eventId, [NotNullWhen(false)] out string? problem)
    {
        eventId = null;
        name ??= string.Empty;
        const string Prefix = "events/";
        var encoded = name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : null;
        if (encoded is null || encoded.Length == 0 || encoded.Contains('/', StringComparison.Ordinal))
        {
            problem = "must be events/{event_id}, the id percent-encoded as Event.name gives it";
            return false;
        }

        var id = Uri.UnescapeDataString(encoded);
        if (id.Length > MaxEventIdLength)
        {
            problem = $"the event id must be at most {MaxEventIdLength} characters";
            return false;
        }

        (eventId, problem) = (id, null);
        return true;
    }
}
