namespace PinpointAggregator.Audit.Summary;

/// <summary>Counts over the whole scan.</summary>
public sealed class ScanTotals
{
    public long Files { get; set; }

    public long FilesFailed { get; set; }

    /// <summary>Records of any event source in the files that were read whole.</summary>
    public long Records { get; set; }

    /// <summary>Kept events after deduplication by eventID.</summary>
    public long Events { get; set; }

    /// <summary>Kept events delivered more than once (or superseded by an addendum), counted once.</summary>
    public long DuplicateEvents { get; set; }

    public long CompressedBytes { get; set; }

    public long DecompressedBytes { get; set; }
}
