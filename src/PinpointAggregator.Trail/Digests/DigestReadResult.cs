using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Digests;

/// <summary>The outcome of reading one digest file: the digest and the hash of its content, or a typed error.</summary>
public sealed class DigestReadResult
{
    private DigestReadResult(DigestFile? digest, string? uncompressedSha256, TrailFileError? error, long compressedBytes, long decompressedBytes)
    {
        Digest = digest;
        UncompressedSha256 = uncompressedSha256;
        Error = error;
        CompressedBytes = compressedBytes;
        DecompressedBytes = decompressedBytes;
    }

    /// <summary>The parsed digest; null when the file was rejected.</summary>
    public DigestFile? Digest { get; }

    /// <summary>
    /// Lower-case hex SHA-256 of the digest's uncompressed content: the third line of its signing string, and
    /// what the next digest's <c>previousDigestHashValue</c> must equal. Null when the file was rejected.
    /// </summary>
    public string? UncompressedSha256 { get; }

    public TrailFileError? Error { get; }

    public bool Succeeded => Error is null;

    public long CompressedBytes { get; }

    public long DecompressedBytes { get; }

    internal static DigestReadResult Success(DigestFile digest, string uncompressedSha256, long compressedBytes, long decompressedBytes) =>
        new(digest, uncompressedSha256, null, compressedBytes, decompressedBytes);

    internal static DigestReadResult Failure(TrailFileError error, long compressedBytes, long decompressedBytes) =>
        new(null, null, error, compressedBytes, decompressedBytes);
}
