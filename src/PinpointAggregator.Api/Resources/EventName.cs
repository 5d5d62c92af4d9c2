using System.Diagnostics.CodeAnalysis;

namespace PinpointAggregator.Api.Resources;

/// <summary>The resource name of a kept event: <c>events/{event_id}</c>, the id being CloudTrail's eventID.</summary>
internal static class EventName
{
    /// <summary>CloudTrail's eventIDs are GUIDs; a member account may write anything, so the bound is generous.</summary>
    public const int MaxEventIdLength = 128;

    public static string Format(string eventId) => $"events/{eventId}";

    /// <returns>False, with what is wrong, when <paramref name="name"/> is not a well-formed event name.</returns>
    public static bool TryParse(string? name, [NotNullWhen(true)] out string? eventId, [NotNullWhen(false)] out string? problem)
    {
        eventId = null;
        name ??= string.Empty;
        const string Prefix = "events/";
        var id = name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : null;
        if (id is null || id.Length == 0 || id.Contains('/', StringComparison.Ordinal))
        {
            problem = "must be events/{event_id}";
            return false;
        }

        if (id.Length > MaxEventIdLength || id.Any(char.IsControl))
        {
            problem = $"the event id must be at most {MaxEventIdLength} printable characters";
            return false;
        }

        (eventId, problem) = (id, null);
        return true;
    }
}
