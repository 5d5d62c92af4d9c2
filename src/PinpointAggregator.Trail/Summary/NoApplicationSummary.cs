namespace PinpointAggregator.Trail.Summary;

/// <summary>Kept events that address no application: GetApps, a failed CreateApp, and the like.</summary>
public sealed class NoApplicationSummary
{
    public long Events { get; set; }

    public SortedDictionary<string, long> ByEventName { get; } = new(StringComparer.Ordinal);
}
