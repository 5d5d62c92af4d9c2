using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Integrity;

/// <summary>
/// Verifies one chain of digests (<see cref="DigestChainId"/>), one digest at a time in the order of their end
/// times: each digest's signature, its stated location, its link to its predecessor (hash, signature, the
/// hours between them), and every log it lists. Pure: no I/O, no clock; the caller reads the files and
/// resolves the listed logs. Not thread-safe: one instance per chain.
/// </summary>
/// <remarks>The rules, and which finding each breach gives, are in <c>docs/integrity.md</c>.</remarks>
public sealed class DigestChainVerifier
{
    /// <summary>How many digests behind the newest the chain remembers (<see cref="DigestChainState.Recent"/>).</summary>
    public const int RecentLinks = 48;

    /// <summary>A chain resumed from <paramref name="state"/> (<see cref="DigestChainState.Empty"/> for a new one).</summary>
    public DigestChainVerifier(DigestSignatureVerifier signatures, DigestChainState state)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(state);
        throw new NotImplementedException("Integrity engine: being implemented (issue 11).");
    }

    /// <summary>The chain's state after the digests checked so far: persist it to resume.</summary>
    public DigestChainState State => throw new NotImplementedException();

    /// <summary>
    /// Checks one digest. <paramref name="listedLogs"/> holds the state of every log the digest lists, by key
    /// (<see cref="DigestLogFile.S3Object"/>); a listed key absent from it counts as
    /// <see cref="LogFileState.Missing"/>. Returns this digest's findings, and the late signature finding of its
    /// predecessor when the predecessor's signature was unknown until now.
    /// </summary>
    public IReadOnlyList<IntegrityFinding> Check(DigestObservation digest, IReadOnlyDictionary<string, LogFileState> listedLogs) =>
        throw new NotImplementedException();

    /// <summary>
    /// Ends an offline run: the newest digest, if its signature was never known, gives
    /// <see cref="IntegrityFindingKind.SignatureUnverifiable"/> (not a violation).
    /// </summary>
    public IReadOnlyList<IntegrityFinding> Finish() => throw new NotImplementedException();
}
