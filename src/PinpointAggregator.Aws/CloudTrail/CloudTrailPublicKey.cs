using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Aws.CloudTrail;

/// <summary>
/// One key of a <c>ListPublicKeys</c> answer whose stated <c>Fingerprint</c> is the MD5 of its bytes: the key, and
/// when CloudTrail says it was (or is) used to sign digests.
/// </summary>
public sealed record CloudTrailPublicKey(DigestPublicKey Key, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);
