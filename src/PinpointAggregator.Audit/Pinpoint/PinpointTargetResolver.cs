using System.Collections.Concurrent;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>
/// Derives what a Pinpoint event acts on from its action name, its path parameters (merged into
/// <c>requestParameters</c>) and, for create calls, the id in <c>responseElements</c>.
/// </summary>
public static class PinpointTargetResolver
{
    /// <summary>The <c>eventSource</c> of Amazon Pinpoint records.</summary>
    public const string PinpointEventSource = TrailReaderOptions.DefaultEventSource;

    /// <summary>Pinpoint's longest action names are under 50 characters.</summary>
    private const int MaxCachedNameLength = 64;

    /// <summary>Pinpoint has about 120 actions; End User Messaging adds a few dozen.</summary>
    private const int MaxCachedNames = 1024;

    private static readonly ConcurrentDictionary<string, ActionShape> Shapes = new(StringComparer.Ordinal);

    public static PinpointTarget Resolve(string eventSource, string eventName, ReadOnlySpan<byte> requestParameters, ReadOnlySpan<byte> responseElements)
    {
        if (!string.Equals(eventSource, PinpointEventSource, StringComparison.Ordinal))
        {
            return PinpointTarget.None;
        }

        var shape = ShapeOf(eventName);
        var named = JsonLookup.GetString(requestParameters, "application-id"u8);
        if (named is null && string.Equals(eventName, "CreateApp", StringComparison.Ordinal))
        {
            named = CreatedId(responseElements);
        }

        // Only a value of Pinpoint's shape names an application; anything else stays an unresolved target.
        var (applicationId, unresolved) = named is null || PinpointNames.IsApplicationId(named)
            ? (named, (string?)null)
            : (null, PinpointNames.Bounded(named));
        string? resourceId = null;
        if (shape.Resource == PinpointResource.Application)
        {
            resourceId = applicationId;
        }
        else if (shape.IdParameter is not null)
        {
            // A resource id is a map key in the audit state, never a grain key: bounded, not validated.
            var id = JsonLookup.GetString(requestParameters, shape.IdParameter.Value.Span)
                ?? (shape.IsCreate ? CreatedId(responseElements) : null);
            resourceId = id is null ? null : PinpointNames.Bounded(id);
        }

        return new PinpointTarget(applicationId, shape.Resource, resourceId, shape.Channel, unresolved);
    }

    /// <summary>Maps an action name to its resource kind; public for documentation and tests.</summary>
    public static PinpointResource ResourceOf(string eventName) => ShapeOf(eventName).Resource;

    /// <summary>
    /// Cached only for names of Pinpoint's shape (an API action: a few dozen ASCII letters), and only so many:
    /// event names come from member accounts, and a cache keyed by whatever they write would grow without end.
    /// </summary>
    /// <summary>Whether an action name is cached (for tests).</summary>
    internal static bool IsCached(string eventName) => Shapes.ContainsKey(eventName);

    private static ActionShape ShapeOf(string eventName)
    {
        if (Shapes.TryGetValue(eventName, out var shape))
        {
            return shape;
        }

        shape = Classify(eventName);
        if (eventName.Length <= MaxCachedNameLength && Shapes.Count < MaxCachedNames && eventName.All(char.IsAsciiLetter))
        {
            Shapes.TryAdd(eventName, shape);
        }

        return shape;
    }

    /// <summary>
    /// The id a create call returned: <c>Id</c> in the flat shape CloudTrail logs, or <c>Id</c> inside the
    /// single <c>...Response</c> wrapper object some producers keep (SDK style, e.g. <c>CampaignResponse.Id</c>).
    /// </summary>
    private static string? CreatedId(ReadOnlySpan<byte> json) => JsonLookup.GetFlatOrWrapped(json, "Id"u8, "Response"u8);

    private static ActionShape Classify(string name)
    {
        var isCreate = name.StartsWith("Create", StringComparison.Ordinal);
        if (TryParseChannel(name, out var channel))
        {
            return new ActionShape(PinpointResource.Channel, null, channel, isCreate);
        }

        (PinpointResource Resource, string? Parameter) shape = name switch
        {
            "GetChannels" => (PinpointResource.Channel, null),
            _ when name.EndsWith("App", StringComparison.Ordinal) || name.EndsWith("Apps", StringComparison.Ordinal) => (PinpointResource.Application, null),
            _ when name.Contains("ApplicationSettings", StringComparison.Ordinal) => (PinpointResource.ApplicationSettings, null),
            _ when name.Contains("ImportJob", StringComparison.Ordinal) => (PinpointResource.ImportJob, "job-id"),
            _ when name.Contains("ExportJob", StringComparison.Ordinal) => (PinpointResource.ExportJob, "job-id"),
            _ when name.Contains("Campaign", StringComparison.Ordinal) => (PinpointResource.Campaign, "campaign-id"),
            _ when name.Contains("Segment", StringComparison.Ordinal) => (PinpointResource.Segment, "segment-id"),
            _ when name.Contains("Journey", StringComparison.Ordinal) => (PinpointResource.Journey, "journey-id"),
            _ when name.Contains("EventStream", StringComparison.Ordinal) => (PinpointResource.EventStream, null),
            _ when name.Contains("Template", StringComparison.Ordinal) => (PinpointResource.Template, "template-name"),
            _ when name.Contains("RecommenderConfiguration", StringComparison.Ordinal) => (PinpointResource.RecommenderConfiguration, "recommender-id"),
            _ when name.Contains("Endpoint", StringComparison.Ordinal) => (PinpointResource.Endpoint, "endpoint-id"),
            _ when name.StartsWith("GetApplication", StringComparison.Ordinal) => (PinpointResource.Application, null),
            _ => (PinpointResource.Other, null),
        };
        return new ActionShape(shape.Resource, shape.Parameter is null ? null : System.Text.Encoding.UTF8.GetBytes(shape.Parameter), null, isCreate);
    }

    private static bool TryParseChannel(string name, out PinpointChannel channel)
    {
        channel = default;
        if (!name.EndsWith("Channel", StringComparison.Ordinal))
        {
            return false;
        }

        var verb = name.StartsWith("Get", StringComparison.Ordinal) ? 3
            : name.StartsWith("Update", StringComparison.Ordinal) ? 6
            : name.StartsWith("Delete", StringComparison.Ordinal) ? 6
            : -1;
        return verb > 0 && Enum.TryParse(name.AsSpan(verb, name.Length - verb - "Channel".Length), ignoreCase: false, out channel)
            && Enum.IsDefined(channel);
    }

    private sealed record ActionShape(PinpointResource Resource, ReadOnlyMemory<byte>? IdParameter, PinpointChannel? Channel, bool IsCreate);
}
