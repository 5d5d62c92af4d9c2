namespace PinpointAggregator.Grains.Accounts;

/// <summary>
/// Persisted: whether the account's credentials work (the state behind the <c>AccountHealth</c> contract).
/// Never a credential: the role ARN only.
/// </summary>
public sealed class AccountHealthState
{
    public DateTime? LastSuccessAt { get; set; }

    public DateTime? LastFailureAt { get; set; }

    public string? LastErrorCode { get; set; }

    public string? LastErrorMessage { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    public string? RoleArn { get; set; }
}
