namespace PinpointAggregator.Trail.Keys;

/// <summary>What a CloudTrail object in the bucket holds.</summary>
public enum TrailFileKind
{
    /// <summary>A log file: gzip-compressed <c>{"Records":[...]}</c>.</summary>
    Log,

    /// <summary>An hourly integrity digest (<c>CloudTrail-Digest/</c>).</summary>
    Digest,
}
