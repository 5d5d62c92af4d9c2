using System.Text.Json.Serialization;
using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.SampleData;

/// <summary>
/// A finding a correct verifier reports for a generated trail (<see cref="IntegrityFinding"/> without its times
/// and detail), given every digest's signature as S3 holds it (<c>x-amz-meta-signature</c>, or
/// <c>digest-signatures.json</c>) and the sample's public key.
/// </summary>
/// <param name="Kind">What is found.</param>
/// <param name="DigestKey">The digest concerned, as <see cref="IntegrityFinding.DigestKey"/>: where it is found, or the key its successor names for <see cref="IntegrityFindingKind.DigestMissing"/>; null for a missing hour nobody names and for <see cref="IntegrityFindingKind.LogNotInAnyDigest"/>.</param>
/// <param name="LogKey">The log concerned, for the log kinds; otherwise null.</param>
public sealed record ExpectedFinding(IntegrityFindingKind Kind, string? DigestKey, string? LogKey)
{
    /// <summary>The finding's shape, to compare a verifier's findings with the expected ones.</summary>
    public static ExpectedFinding Of(IntegrityFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new ExpectedFinding(finding.Kind, finding.DigestKey, finding.LogKey);
    }

    /// <summary>True for every kind but the gap and the unverifiable signature, as <see cref="IntegrityFinding.IsViolation"/>.</summary>
    [JsonIgnore]
    public bool IsViolation => Kind is not (IntegrityFindingKind.Gap or IntegrityFindingKind.SignatureUnverifiable);

    /// <summary>A total order (kind, digest key, log key), so lists of findings compare as multisets once sorted.</summary>
    public static IComparer<ExpectedFinding> Order { get; } = Comparer<ExpectedFinding>.Create((a, b) =>
    {
        var byKind = a.Kind.CompareTo(b.Kind);
        var byDigest = byKind != 0 ? byKind : string.CompareOrdinal(a.DigestKey, b.DigestKey);
        return byDigest != 0 ? byDigest : string.CompareOrdinal(a.LogKey, b.LogKey);
    });
}
