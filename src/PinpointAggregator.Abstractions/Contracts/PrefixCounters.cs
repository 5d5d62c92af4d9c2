namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>What a trail prefix has read since it started. Counted when a file is recorded as done.</summary>
[GenerateSerializer, Immutable, Alias("pa.PrefixCounters")]
public sealed record PrefixCounters
{
    [Id(0)] public long FilesRead { get; init; }

    [Id(1)] public long FilesQuarantined { get; init; }

    /// <summary>Records of every event source in the files read whole.</summary>
    [Id(2)] public long Records { get; init; }

    /// <summary>Kept (Pinpoint) events, before deduplication.</summary>
    [Id(3)] public long Events { get; init; }

    [Id(4)] public long CompressedBytes { get; init; }

    [Id(5)] public long DecompressedBytes { get; init; }

    /// <summary>S3 (or folder) requests by kind: <c>List</c>, <c>Get</c>.</summary>
    [Id(6)] public IReadOnlyDictionary<string, long> Requests { get; init; } = new Dictionary<string, long>();

    [Id(7)] public long Polls { get; init; }

    /// <summary>Keys whose name-time was ahead of the clock by more than the allowed skew.</summary>
    [Id(8)] public long FutureDatedKeys { get; init; }

    /// <summary>
    /// Deliveries of an event already routed to another target that did not supersede it (an original
    /// arriving after the addendum that moved it), dropped before routing.
    /// </summary>
    [Id(9)] public long DuplicatesDropped { get; init; }

    /// <summary>Events that could not be applied to their grain and were set aside with a reason.</summary>
    [Id(10)] public long EventsSetAside { get; init; }

    /// <summary>Files found later than <c>Ingestion:ReconcileHorizon</c>: reported, not read.</summary>
    [Id(11)] public long FilesMissed { get; init; }

    /// <summary>Reconciles of the horizon completed.</summary>
    [Id(12)] public long Reconciles { get; init; }

    /// <summary>Late files the reconcile found and read (also counted in <see cref="FilesRead"/> or <see cref="FilesQuarantined"/>).</summary>
    [Id(13)] public long FilesReconciled { get; init; }
}
