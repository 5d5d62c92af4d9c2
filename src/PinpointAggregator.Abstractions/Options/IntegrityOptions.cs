namespace PinpointAggregator.Abstractions.Options;

/// <summary>
/// Continuous log-file integrity validation: each trail prefix follows its <c>CloudTrail-Digest/</c> folder and
/// verifies every digest and the logs it lists (<c>docs/integrity.md</c>). Section <c>Integrity</c>; every value
/// has a working default.
/// </summary>
public sealed class IntegrityOptions
{
    public const string SectionName = "Integrity";

    /// <summary>Follow digests and verify (default true). Off: no digest is listed or read, and log files are not hashed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Public-key files trusted for digest signatures, for air-gapped use and for the embedded sample: PEM
    /// (<c>PUBLIC KEY</c> or <c>RSA PUBLIC KEY</c>), DER, or the JSON that <c>aws cloudtrail list-public-keys --output json</c> prints.
    /// </summary>
    public List<string> PublicKeyFiles { get; init; } = [];

    /// <summary>Also fetch unknown keys with CloudTrail's <c>ListPublicKeys</c> in the digest's region, with the account's role (default true; off when air-gapped).</summary>
    public bool ListPublicKeys { get; set; } = true;

    /// <summary>
    /// How long a fingerprint that neither the files nor <c>ListPublicKeys</c> had is answered as unknown without asking
    /// CloudTrail again (default 1 hour), so a forged fingerprint in a member account's digest cannot make every poll
    /// call AWS. Keys that were found are kept for good.
    /// </summary>
    public TimeSpan UnknownKeyRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after a log's name time the digests must reach before a log that no digest lists is reported
    /// (<c>LogNotInAnyDigest</c>). Default 1 hour: a log is listed in the digest of the hour it was delivered,
    /// and its name carries the delivery minute.
    /// </summary>
    public TimeSpan UnlistedGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a listed log that exists but is not yet read (or its key not yet listed) may hold back its digest's
    /// check before it is reported as deleted. Default 6 hours; the digest is checked again on each poll meanwhile.
    /// </summary>
    public TimeSpan ListedLogWait { get; set; } = TimeSpan.FromHours(6);
}
