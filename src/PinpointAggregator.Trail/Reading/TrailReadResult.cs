namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// The outcome of reading one file: either every kept event of the file, or an error and no events.
/// A file is never half-read: a rejected file yields nothing.
/// </summary>
public sealed class TrailReadResult<T>
{
    private TrailReadResult(IReadOnlyList<T> events, TrailFileError? error, int recordsRead, long compressedBytes, long decompressedBytes, string? uncompressedSha256)
    {
        UncompressedSha256 = uncompressedSha256;
        Events = events;
        Error = error;
        RecordsRead = recordsRead;
        CompressedBytes = compressedBytes;
        DecompressedBytes = decompressedBytes;
    }

    /// <summary>The kept events, in file order; empty when the file was rejected.</summary>
    public IReadOnlyList<T> Events { get; }

    public TrailFileError? Error { get; }

    public bool Succeeded => Error is null;

    /// <summary>Records of any event source in the file (before the error, when rejected).</summary>
    public int RecordsRead { get; }

    public long CompressedBytes { get; }

    public long DecompressedBytes { get; }

    /// <summary>
    /// The lower-case hex SHA-256 of the file's uncompressed content, as CloudTrail digests list it
    /// (<c>hashValue</c>); computed in the reading pass when <see cref="TrailReaderOptions.ComputeSha256"/> is on.
    /// Null when it is off or the file was rejected.
    /// </summary>
    public string? UncompressedSha256 { get; }

    internal static TrailReadResult<T> Success(IReadOnlyList<T> events, int recordsRead, long compressedBytes, long decompressedBytes, string? uncompressedSha256) =>
        new(events, null, recordsRead, compressedBytes, decompressedBytes, uncompressedSha256);

    internal static TrailReadResult<T> Failure(TrailFileError error, long compressedBytes, long decompressedBytes) =>
        new([], error, error.RecordsReadBeforeError, compressedBytes, decompressedBytes, null);
}
