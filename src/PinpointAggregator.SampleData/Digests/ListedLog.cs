namespace PinpointAggregator.SampleData.Digests;

/// <summary>One log a digest lists: its key, the SHA-256 of its uncompressed content as delivered, and its events' time range.</summary>
internal sealed record ListedLog(string Key, string Sha256, DateTimeOffset NewestEventTime, DateTimeOffset OldestEventTime);
