using System.Collections.Concurrent;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>
/// What a test cluster's grain storage saw, per state name and grain (reads are activations, writes are
/// writes), and which states' writes are to fail once with a conflict. One per cluster (service id).
/// </summary>
internal sealed class StorageProbe
{
    /// <summary>Setting naming the states (comma-separated) whose second write of one grain fails once with <c>InconsistentStateException</c>.</summary>
    public const string ConflictSetting = "Test:ConflictOnSecondWrite";

    private static readonly ConcurrentDictionary<string, StorageProbe> Probes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string State, string Grain), int> _reads = new();
    private readonly ConcurrentDictionary<(string State, string Grain), int> _writes = new();
    private readonly ConcurrentDictionary<string, string> _conflicted = new(StringComparer.Ordinal);

    public static StorageProbe For(string serviceId) => Probes.GetOrAdd(serviceId, _ => new StorageProbe());

    public int Reads(string state, string grain) => _reads.GetValueOrDefault((state, grain));

    public int Writes(string state, string grain) => _writes.GetValueOrDefault((state, grain));

    /// <summary>The grain whose write of <paramref name="state"/> was failed, if one was.</summary>
    public string? Conflicted(string state) => _conflicted.GetValueOrDefault(state);

    public void Read(string state, string grain) => _reads.AddOrUpdate((state, grain), 1, (_, n) => n + 1);

    /// <summary>Counts a write; true when this one is to fail (the state's first grain to write twice, once).</summary>
    public bool Write(string state, string grain, IReadOnlyCollection<string> conflicting)
    {
        var n = _writes.AddOrUpdate((state, grain), 1, (_, w) => w + 1);
        return n == 2 && conflicting.Contains(state) && _conflicted.TryAdd(state, grain);
    }
}
