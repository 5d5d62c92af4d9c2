namespace PinpointAggregator.Trail.Events;

/// <summary>
/// Who made the call: CloudTrail's <c>userIdentity</c> reduced to what an audit reports.
/// </summary>
/// <param name="Type">IAMUser, AssumedRole, Root, AWSService, FederatedUser, IdentityCenterUser, ...</param>
/// <param name="Arn">The principal's ARN (for AssumedRole, the session ARN).</param>
/// <param name="AccountId">The account that owns the principal.</param>
/// <param name="PrincipalId">The unique principal id.</param>
/// <param name="UserName">The IAM user name, where CloudTrail gives one.</param>
/// <param name="SessionIssuerArn">For role sessions, the role (<c>sessionContext.sessionIssuer.arn</c>).</param>
/// <param name="InvokedBy">The AWS service that made the call on the principal's behalf.</param>
public sealed record CallerIdentity(
    string? Type,
    string? Arn,
    string? AccountId,
    string? PrincipalId,
    string? UserName,
    string? SessionIssuerArn,
    string? InvokedBy)
{
    public static CallerIdentity Unknown { get; } = new(null, null, null, null, null, null, null);

    /// <summary>The most specific stable name: the role for sessions, else the ARN, else the invoking service.</summary>
    public string DisplayName => SessionIssuerArn ?? Arn ?? InvokedBy ?? PrincipalId ?? Type ?? "unknown";
}
