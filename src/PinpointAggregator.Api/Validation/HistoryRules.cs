using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Api.Validation;

/// <summary>
/// Which resource a history request names: its kind as the event store files it (a <see cref="PinpointResource"/>
/// name) and its id. Campaigns, segments, import jobs and channels need an id (a channel's is its type); the
/// application itself, its event stream and its settings take none.
/// </summary>
internal static class HistoryRules
{
    public static (string? Kind, string? ResourceId) Resource(ResourceKind kind, string resourceId, FieldViolations violations)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        ArgumentNullException.ThrowIfNull(violations);
        switch (kind)
        {
            case ResourceKind.Application:
                return (NoId(PinpointResource.Application, resourceId, violations), null);
            case ResourceKind.EventStream:
                return (NoId(PinpointResource.EventStream, resourceId, violations), null);
            case ResourceKind.Settings:
                return (NoId(PinpointResource.ApplicationSettings, resourceId, violations), null);
            case ResourceKind.Channel:
                if (!Enum.TryParse<PinpointChannel>(resourceId, ignoreCase: false, out var channel) || !Enum.IsDefined(channel) || resourceId.Any(char.IsDigit))
                {
                    violations.Add("resource_id", $"a channel's resource_id is its type: one of {string.Join(", ", Enum.GetNames<PinpointChannel>())}");
                    return (null, null);
                }

                return (nameof(PinpointResource.Channel), channel.ToString());
            case ResourceKind.Campaign:
                return (nameof(PinpointResource.Campaign), Id(resourceId, violations));
            case ResourceKind.Segment:
                return (nameof(PinpointResource.Segment), Id(resourceId, violations));
            case ResourceKind.ImportJob:
                return (nameof(PinpointResource.ImportJob), Id(resourceId, violations));
            default:
                violations.Add("kind", "must name the resource: RESOURCE_KIND_APPLICATION, _CHANNEL, _CAMPAIGN, _SEGMENT, _IMPORT_JOB, _EVENT_STREAM or _SETTINGS");
                return (null, null);
        }
    }

    private static string NoId(PinpointResource kind, string resourceId, FieldViolations violations)
    {
        if (resourceId.Length > 0)
        {
            violations.Add("resource_id", $"must be empty for this kind: an application has one {kind}");
        }

        return kind.ToString();
    }

    private static string? Id(string resourceId, FieldViolations violations)
    {
        if (resourceId.Length is 0 or > RequestLimits.MaxResourceIdLength)
        {
            violations.Add("resource_id", $"is required for this kind: 1 to {RequestLimits.MaxResourceIdLength} characters");
            return null;
        }

        return resourceId;
    }
}
