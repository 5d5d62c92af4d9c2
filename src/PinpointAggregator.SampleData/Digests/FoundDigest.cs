namespace PinpointAggregator.SampleData.Digests;

/// <summary>A digest file as it is in the sample after damage: where it is, what it lists and when it ends.</summary>
internal sealed record FoundDigest(string Key, IReadOnlyList<string> ListedLogs, DateTimeOffset End, bool Backfill);
