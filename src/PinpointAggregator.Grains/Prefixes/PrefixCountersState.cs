namespace PinpointAggregator.Grains.Prefixes;

/// <summary>Persisted: what a trail prefix has read since it started (the state behind the <c>PrefixCounters</c> contract).</summary>
public sealed class PrefixCountersState
{
    public long FilesRead { get; set; }

    public long FilesQuarantined { get; set; }

    public long Records { get; set; }

    public long Events { get; set; }

    public long CompressedBytes { get; set; }

    public long DecompressedBytes { get; set; }

    public Dictionary<string, long> Requests { get; init; } = new(StringComparer.Ordinal);

    public long Polls { get; set; }

    public long FutureDatedKeys { get; set; }

    public long DuplicatesDropped { get; set; }

    public long EventsSetAside { get; set; }

    public long FilesMissed { get; set; }

    public long Reconciles { get; set; }

    public long FilesReconciled { get; set; }
}
