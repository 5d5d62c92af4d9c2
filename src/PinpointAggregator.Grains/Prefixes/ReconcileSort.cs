namespace PinpointAggregator.Grains.Prefixes;

/// <summary>A reconcile page's keys that no one has done: those to read now, and those found too late to read.</summary>
internal sealed record ReconcileSort(
    List<(string Key, DateTime Stamp, long? Size)> Read,
    List<(string Key, DateTime Stamp, long? Size)> Missed);
