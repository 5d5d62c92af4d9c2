namespace PinpointAggregator.SampleData.Digests;

/// <summary>
/// The fields of one digest as CloudTrail writes them (User Guide, "CloudTrail digest file structure"), before
/// they are serialized by <see cref="DigestDocument"/>.
/// </summary>
/// <param name="AccountId">The account whose logs it lists (<c>awsAccountId</c>).</param>
/// <param name="Start">The start of its period.</param>
/// <param name="End">The end of its period: the key's time and the signing string's first line.</param>
/// <param name="Bucket">The bucket it and its logs were written to.</param>
/// <param name="Key">The key it was written to (<c>digestS3Object</c>).</param>
/// <param name="Fingerprint">The fingerprint of the key that signs it.</param>
/// <param name="Previous">The predecessor; null for the first digest of a chain.</param>
/// <param name="Logs">The logs delivered in its period.</param>
/// <param name="NewestEventTime">The newest event of the listed logs; null when none is listed.</param>
/// <param name="OldestEventTime">The oldest event of the listed logs; null when none is listed.</param>
internal sealed record DigestContent(
    string AccountId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Bucket,
    string Key,
    string Fingerprint,
    PreviousDigest? Previous,
    IReadOnlyList<ListedLog> Logs,
    DateTimeOffset? NewestEventTime,
    DateTimeOffset? OldestEventTime)
{
    /// <summary>A digest listing <paramref name="logs"/>, its event times taken from them.</summary>
    public static DigestContent Of(string accountId, DateTimeOffset start, DateTimeOffset end, string bucket, string key, string fingerprint, PreviousDigest? previous, IReadOnlyList<ListedLog> logs) =>
        new(accountId, start, end, bucket, key, fingerprint, previous, logs,
            logs.Count == 0 ? null : logs.Max(l => l.NewestEventTime),
            logs.Count == 0 ? null : logs.Min(l => l.OldestEventTime));
}
