namespace PinpointAggregator.Aws;

/// <summary>
/// Which IAM role each account's trail is read with. Section <c>Aws:Roles</c>. With neither
/// <see cref="RoleName"/> nor an override for an account, its reads use the hub role's session when
/// <see cref="HubRoleArn"/> is set, else the ambient credential chain (the usual case when the bucket is in
/// the service's own account).
/// </summary>
public sealed class RoleOptions
{
    /// <summary>The role name in every account, put into <see cref="RoleArnTemplate"/>.</summary>
    public string? RoleName { get; set; }

    /// <summary><c>{account}</c> and <c>{name}</c> are replaced. Default <c>arn:aws:iam::{account}:role/{name}</c>.</summary>
    public string RoleArnTemplate { get; set; } = "arn:aws:iam::{account}:role/{name}";

    /// <summary>A full role ARN per account id, winning over the template.</summary>
    public Dictionary<string, string> Overrides { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Sent as <c>ExternalId</c> when the roles' trust policies require one.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The <c>RoleSessionName</c>, so CloudTrail shows who read. Default <c>pinpoint-aggregator</c>.</summary>
    public string SessionName { get; set; } = "pinpoint-aggregator";

    /// <summary>Requested session length. Default 1 hour (STS allows 15 minutes to the role's maximum).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Credentials are renewed this long before they expire (at most half their lifetime). Default 5 minutes.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Optional hub role assumed first with the ambient credentials; account roles are then assumed with
    /// the hub's session (role chaining), and organization discovery reads with it.
    /// </summary>
    public string? HubRoleArn { get; set; }

    /// <summary>The role ARN for an account, or null for the ambient chain.</summary>
    public string? RoleArnFor(string account) =>
        Overrides.TryGetValue(account, out var arn) ? arn
        : RoleName is { Length: > 0 } name ? RoleArnTemplate.Replace("{account}", account, StringComparison.Ordinal).Replace("{name}", name, StringComparison.Ordinal)
        : null;
}
