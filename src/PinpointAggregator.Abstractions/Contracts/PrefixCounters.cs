namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>What a trail prefix has read since it started. Counted when a file is recorded as done.</summary>
[GenerateSerializer, Alias("pa.PrefixCounters")]
public sealed class PrefixCounters
{
    [Id(0)] public long FilesRead { get; set; }

    [Id(1)] public long FilesQuarantined { get; set; }

    /// <summary>Records of every event source in the files read whole.</summary>
    [Id(2)] public long Records { get; set; }

    /// <summary>Kept (Pinpoint) events, before deduplication.</summary>
    [Id(3)] public long Events { get; set; }

    [Id(4)] public long CompressedBytes { get; set; }

    [Id(5)] public long DecompressedBytes { get; set; }

    /// <summary>S3 (or folder) requests by kind: <c>List</c>, <c>Get</c>.</summary>
    [Id(6)] public Dictionary<string, long> Requests { get; init; } = new(StringComparer.Ordinal);

    [Id(7)] public long Polls { get; set; }

    /// <summary>Keys whose name-time was ahead of the clock by more than the allowed skew.</summary>
    [Id(8)] public long FutureDatedKeys { get; set; }

    /// <summary>
    /// Deliveries of an event already routed to another target that did not supersede it (an original
    /// arriving after the addendum that moved it), dropped before routing.
    /// </summary>
    [Id(9)] public long DuplicatesDropped { get; set; }

    /// <summary>Events that could not be applied to their grain and were set aside with a reason.</summary>
    [Id(10)] public long EventsSetAside { get; set; }
}
