using System.Text.Json.Serialization;

namespace PinpointAggregator.Audit.Summary;

/// <summary>One Pinpoint application in a scan summary. Times are CloudTrail eventTime strings (UTC).</summary>
public sealed class ApplicationSummary
{
    public string? Account { get; set; }

    public string? Region { get; set; }

    public long Events { get; set; }

    // Filled in place when read back, by the scan format and by the JSON that carries it between grains.
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, long> ByEventName { get; } = new(StringComparer.Ordinal);

    public long Errors { get; set; }

    // Filled in place when read back, by the scan format and by the JSON that carries it between grains.
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, long> ErrorCodes { get; } = new(StringComparer.Ordinal);

    public string? FirstEventTime { get; set; }

    public string? LastEventTime { get; set; }

    public bool Created { get; set; }

    public string? CreatedAt { get; set; }

    public bool Deleted { get; set; }

    public string? DeletedAt { get; set; }
}
