using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.SampleData;

/// <summary>
/// A generated trail: where it is, its organization, its files and the summary it must produce. The ground
/// truth names failed files by key (relative to <see cref="Folder"/>) so that it is the same wherever it is written.
/// </summary>
public sealed record SampleTrail(string Folder, string OrganizationId, IReadOnlyList<string> AccountIds, IReadOnlyList<string> Regions, IReadOnlyList<SampleFile> Files, ScanSummary GroundTruth)
{
    public const string GroundTruthFileName = "ground_truth.json";
    public const string ManifestFileName = "manifest.json";

    /// <summary>The public key the digests are signed with, PEM <c>PUBLIC KEY</c> (written when digests are).</summary>
    public const string PublicKeyFileName = "digest-public-key.pem";

    /// <summary>Each digest's key (relative to the bucket root) and its hex signature, as S3's <c>x-amz-meta-signature</c> would hold it (a JSON object).</summary>
    public const string SignaturesFileName = "digest-signatures.json";

    /// <summary>
    /// What a correct verifier reports for this trail, given the signatures of <see cref="DigestSignatures"/> and the
    /// key of <see cref="PublicKeyFile"/>, sorted by <see cref="ExpectedFinding.Order"/>: the findings of the
    /// requested damages (<see cref="SampleTrailOptions.Damage"/>), and <c>LogModified</c> for every malformed log
    /// (its digest lists the hash of the log as delivered). Empty without digests.
    /// </summary>
    public IReadOnlyList<ExpectedFinding> ExpectedFindings { get; init; } = [];

    /// <summary>Every digest's key and signature, as in <see cref="SignaturesFileName"/>; empty without digests.</summary>
    public IReadOnlyDictionary<string, string> DigestSignatures { get; init; } = new Dictionary<string, string>();

    /// <summary>The full path of the public key file, or null when no digests were written.</summary>
    public string? PublicKeyFile { get; init; }

    /// <summary>The fingerprint (hex MD5 of the DER public key) every undamaged digest names; null without digests.</summary>
    public string? PublicKeyFingerprint { get; init; }
}
