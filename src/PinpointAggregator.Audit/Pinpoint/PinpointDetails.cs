using System.Globalization;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>
/// The few body fields the audit keeps from a Pinpoint call: the application's name (CreateApp), the
/// event stream's destination (PutEventStream), whether a channel is enabled, and a resource version.
/// </summary>
/// <remarks>
/// Each field is read from <c>responseElements</c> first (what Pinpoint answered), then from
/// <c>requestParameters</c>, flat or under the body's type-name wrapper. Values CloudTrail redacts
/// (<c>"***"</c>) are treated as unknown.
/// </remarks>
public sealed record PinpointDetails(string? Name, string? DestinationStreamArn, bool? Enabled, int? Version)
{
    private const string Redacted = "***";

    public static PinpointDetails None { get; } = new(null, null, null, null);

    /// <summary>Reads the details from the record's bodies, once, while they are still bytes.</summary>
    public static PinpointDetails Of(string eventName, PinpointResource resource, bool failed, ReadOnlySpan<byte> request, ReadOnlySpan<byte> response)
    {
        if (failed)
        {
            return None;
        }

        var name = eventName == "CreateApp" ? Find(response, request, "Name"u8) : null;
        var destination = resource == PinpointResource.EventStream ? Find(response, request, "DestinationStreamArn"u8) : null;
        var enabled = resource == PinpointResource.Channel ? Find(response, request, "Enabled"u8) : null;
        var version = Find(response, [], "Version"u8);
        int? parsedVersion = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

        // Most calls carry none of these: they share one instance instead of one each.
        return name is null && destination is null && enabled is null && parsedVersion is null
            ? None
            : new(name, destination, enabled is null ? null : enabled == "true", parsedVersion);
    }

    private static string? Find(ReadOnlySpan<byte> response, ReadOnlySpan<byte> request, ReadOnlySpan<byte> name)
    {
        var value = JsonLookup.GetFlatOrWrapped(response, name, []) ?? JsonLookup.GetFlatOrWrapped(request, name, []);
        return value == Redacted ? null : value;
    }
}
