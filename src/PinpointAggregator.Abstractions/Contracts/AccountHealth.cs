namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// Whether an account's credentials work: the last success, the last failure with the AWS error code,
/// and when the next attempt is due (backoff with jitter after failures).
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.AccountHealth")]
public sealed record AccountHealth
{
    [Id(0)] public DateTime? LastSuccessAt { get; init; }

    [Id(1)] public DateTime? LastFailureAt { get; init; }

    [Id(2)] public string? LastErrorCode { get; init; }

    [Id(3)] public string? LastErrorMessage { get; init; }

    [Id(4)] public int ConsecutiveFailures { get; init; }

    [Id(5)] public DateTime? NextAttemptAt { get; init; }

    /// <summary>The role read with, or null for the ambient credential chain. An ARN, never a secret.</summary>
    [Id(6)] public string? RoleArn { get; init; }

    public bool Healthy => ConsecutiveFailures == 0 && LastSuccessAt is not null;
}
