namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// Where a verifier finds the public key a digest names: keys loaded from files (air-gapped use), and in the
/// service CloudTrail's <c>ListPublicKeys</c> in the digest's region with the account's role, cached by
/// fingerprint. Thread-safe.
/// </summary>
public interface IDigestPublicKeySource
{
    /// <summary>
    /// The key with <paramref name="fingerprint"/> (hex MD5 of its DER bytes) that signed a digest of
    /// <paramref name="accountId"/> in <paramref name="region"/> ending at <paramref name="digestEndTime"/>;
    /// null when no trusted source has it (the digest's finding is then <c>KeyUnknown</c>).
    /// </summary>
    /// <remarks>
    /// A source that cannot answer now (throttling, the account's role denied) throws
    /// <see cref="DigestKeySourceException"/>: the caller checks the digest again later instead of reporting a
    /// key as unknown because a request failed.
    /// </remarks>
    Task<DigestPublicKey?> FindAsync(string accountId, string region, string fingerprint, DateTimeOffset digestEndTime, CancellationToken cancellationToken);
}
