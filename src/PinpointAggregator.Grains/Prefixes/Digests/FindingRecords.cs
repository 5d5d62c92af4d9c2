using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>The verifier's findings as the service keeps them: the one place a finding becomes a record.</summary>
internal static class FindingRecords
{
    public static IntegrityFindingRecord Of(TrailPrefixKey prefix, IntegrityFinding finding, DateTime foundAt) => new(
        0,
        prefix.Format(),
        prefix.Account,
        prefix.Region,
        finding.Kind.ToString(),
        finding.IsViolation,
        finding.DigestKey,
        finding.LogKey,
        finding.From.UtcDateTime,
        finding.Until.UtcDateTime,
        finding.Detail,
        foundAt);
}
