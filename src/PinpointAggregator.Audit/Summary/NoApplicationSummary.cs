using System.Text.Json.Serialization;

namespace PinpointAggregator.Audit.Summary;

/// <summary>Kept events that address no application: GetApps, a failed CreateApp, and the like.</summary>
public sealed class NoApplicationSummary
{
    public long Events { get; set; }

    // Filled in place when read back, by the scan format and by the JSON that carries it between grains.
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, long> ByEventName { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Of <see cref="Events"/>, those whose record named an application with a value that is not an
    /// application id (1 to 64 ASCII letters and digits).
    /// </summary>
    public long UnresolvedTargets { get; set; }

    /// <summary>Adds another account's entry to this one (the organization's is the sum of its accounts').</summary>
    public void Add(NoApplicationSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Events += other.Events;
        UnresolvedTargets += other.UnresolvedTargets;
        foreach (var (name, count) in other.ByEventName)
        {
            ByEventName[name] = ByEventName.GetValueOrDefault(name) + count;
        }
    }
}
