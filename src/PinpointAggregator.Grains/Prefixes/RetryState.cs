namespace PinpointAggregator.Grains.Prefixes;

/// <summary>A file waiting for a retry: its name-time, how often and since when it failed, and when to try again.</summary>
[GenerateSerializer, Alias("pa.RetryState")]
public sealed class RetryState
{
    [Id(0)] public DateTime Stamp { get; set; }

    [Id(1)] public int Attempts { get; set; }

    [Id(2)] public DateTime FirstFailedAt { get; set; }

    [Id(3)] public DateTime NextAttemptAt { get; set; }

    [Id(4)] public string LastError { get; set; } = string.Empty;

    /// <summary>Whether the file was reported (logged, counted) as stuck, so it is reported once.</summary>
    [Id(5)] public bool ReportedStuck { get; set; }
}
