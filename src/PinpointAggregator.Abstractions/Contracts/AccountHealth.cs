namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>
/// Whether an account's credentials work: the last success, the last failure with the AWS error code,
/// and when the next attempt is due (backoff with jitter after failures).
/// </summary>
[GenerateSerializer, Alias("pa.AccountHealth")]
public sealed class AccountHealth
{
    [Id(0)] public DateTime? LastSuccessAt { get; set; }

    [Id(1)] public DateTime? LastFailureAt { get; set; }

    [Id(2)] public string? LastErrorCode { get; set; }

    [Id(3)] public string? LastErrorMessage { get; set; }

    [Id(4)] public int ConsecutiveFailures { get; set; }

    [Id(5)] public DateTime? NextAttemptAt { get; set; }

    /// <summary>The role read with, or null for the ambient credential chain. An ARN, never a secret.</summary>
    [Id(6)] public string? RoleArn { get; set; }

    public bool Healthy => ConsecutiveFailures == 0 && LastSuccessAt is not null;
}
