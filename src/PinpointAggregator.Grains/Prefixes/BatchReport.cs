using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>What recording one batch of files found, for the grain to log, count and append to the quarantine log.</summary>
internal sealed class BatchReport
{
    public List<QuarantinedFile> Quarantined { get; } = [];

    public List<FileOutcome> Retrying { get; } = [];

    public List<(string Key, RetryState Retry)> NewlyStuck { get; } = [];

    public List<FutureDatedKey> FutureDated { get; } = [];
}
