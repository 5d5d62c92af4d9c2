namespace PinpointAggregator.Trail.Integrity.Local;

/// <summary>One chain of a verified copy: how far it is verified and how many of its digests were checked.</summary>
/// <param name="Chain">The account, region, trail and backfill flag.</param>
/// <param name="ValidatedThrough">The end of its newest digest checked in order; every violation up to there is reported.</param>
/// <param name="DigestsChecked">Its digests checked, readable or not.</param>
/// <param name="CoveredFrom">The start of its oldest digest: logs older than this are not expected in any digest of the copy.</param>
public sealed record ChainReport(DigestChainId Chain, DateTimeOffset? ValidatedThrough, long DigestsChecked, DateTimeOffset? CoveredFrom);
