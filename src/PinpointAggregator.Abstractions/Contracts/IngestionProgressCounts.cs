namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// How far the first pass has got, summed over some accounts: what the first-pass reporter logs, taken from
/// the organization and account grains so the reporter never calls the 17,000 prefix grains itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.IngestionProgressCounts")]
public sealed record IngestionProgressCounts
{
    [Id(0)] public int Accounts { get; init; }

    /// <summary>Accounts whose region discovery has run at least once (succeeded or failed).</summary>
    [Id(1)] public int AccountsDiscovered { get; init; }

    [Id(2)] public int Prefixes { get; init; }

    /// <summary>Prefixes that have caught up at least once (their first pass is done).</summary>
    [Id(3)] public int CaughtUp { get; init; }

    /// <summary>Files read or quarantined (a finished prefix's count as of its first catching up).</summary>
    [Id(4)] public long Files { get; init; }

    [Id(5)] public long Events { get; init; }

    /// <summary>Whether discovery has run at the organization level (set only by the organization grain).</summary>
    [Id(6)] public bool Discovered { get; init; }

    public static IngestionProgressCounts Sum(IEnumerable<IngestionProgressCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(new IngestionProgressCounts(), (a, b) => a with
        {
            Accounts = a.Accounts + b.Accounts,
            AccountsDiscovered = a.AccountsDiscovered + b.AccountsDiscovered,
            Prefixes = a.Prefixes + b.Prefixes,
            CaughtUp = a.CaughtUp + b.CaughtUp,
            Files = a.Files + b.Files,
            Events = a.Events + b.Events,
        });
    }
}
