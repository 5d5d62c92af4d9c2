namespace PinpointAggregator.Aws.CloudTrail;

/// <summary>
/// One page of a <c>ListPublicKeys</c> answer: the keys that may be trusted, the keys refused, and the token for the
/// next page (null on the last).
/// </summary>
internal sealed record ListPublicKeysPage(IReadOnlyList<CloudTrailPublicKey> Keys, IReadOnlyList<RefusedPublicKey> Refused, string? NextToken);
