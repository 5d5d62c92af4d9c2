using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Integrity.Local;

/// <summary>What <see cref="LocalTrailVerification"/> trusts and the limits it applies.</summary>
public sealed record LocalVerificationOptions
{
    /// <summary>The public keys trusted for digest signatures (<see cref="DigestPublicKeyFile"/>).</summary>
    public required DigestPublicKeySet Keys { get; init; }

    /// <summary>
    /// Digest key → its <c>x-amz-meta-signature</c> (<see cref="DigestSignatureMap"/>); null or absent keys take the
    /// signature from the successor's <c>previousDigestSignature</c>, and the newest digest is then unverifiable.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Signatures { get; init; }

    /// <summary>Files hashed at once. Default (null): one per core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>A log that decompresses to more than this is unhashable (the reader's cap: 256 MiB by default).</summary>
    public long MaxLogDecompressedBytes { get; init; } = TrailReaderOptions.DefaultMaxDecompressedBytes;

    /// <summary>The limits each digest is read with.</summary>
    public DigestReaderOptions DigestReader { get; init; } = new();

    /// <summary>How far the digests must reach past a log's name time before an unlisted log is reported (1 hour, as <c>Integrity:UnlistedGrace</c>).</summary>
    public TimeSpan UnlistedGrace { get; init; } = TimeSpan.FromHours(1);
}
