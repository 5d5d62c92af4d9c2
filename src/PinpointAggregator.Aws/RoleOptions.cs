namespace PinpointAggregator.Aws;

/// <summary>
/// Which IAM role each account's trail is read with. Section <c>Aws:Roles</c>. With neither
/// <see cref="RoleName"/> nor an override for an account, its reads use the hub role's session when
/// <see cref="HubRoleArn"/> is set, else the ambient credential chain (the usual case when the bucket is in
/// the service's own account).
/// </summary>
public sealed class RoleOptions
{
    /// <summary>The product's name and the silo's, so one silo's sessions stand out from another's.</summary>
    public const string DefaultSessionName = "pinpoint-aggregator-{silo}";

    /// <summary>The product's name: what every session of the service, on any silo, has in common.</summary>
    public const string DefaultSourceIdentity = "pinpoint-aggregator";

    /// <summary>The role name in every account, put into <see cref="RoleArnTemplate"/>.</summary>
    public string? RoleName { get; set; }

    /// <summary><c>{account}</c> and <c>{name}</c> are replaced. Default <c>arn:aws:iam::{account}:role/{name}</c>.</summary>
    public string RoleArnTemplate { get; set; } = "arn:aws:iam::{account}:role/{name}";

    /// <summary>A full role ARN per account id, winning over the template.</summary>
    public Dictionary<string, string> Overrides { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Sent as <c>ExternalId</c> when the roles' trust policies require one.</summary>
    public string? ExternalId { get; set; }

    /// <summary>
    /// The <c>RoleSessionName</c>, so the member account's CloudTrail shows which silo read. Default
    /// <see cref="DefaultSessionName"/>.
    /// </summary>
    /// <remarks>
    /// <c>{silo}</c> becomes <see cref="SiloName"/> and <c>{host}</c> the machine name. The result is made fit
    /// for STS: characters outside <c>[A-Za-z0-9_+=,.@-]</c> become <c>-</c> and it is cut to 64 characters.
    /// The text around the placeholders must already use only those characters.
    /// </remarks>
    public string SessionName { get; set; } = DefaultSessionName;

    /// <summary>
    /// What <c>{silo}</c> in <see cref="SessionName"/> stands for. Default: the Orleans silo's name when the
    /// service runs in a silo (the host sets it), else the machine name.
    /// </summary>
    public string? SiloName { get; set; }

    /// <summary>
    /// Sent as <c>SourceIdentity</c> on the first AssumeRole of a chain; STS keeps it, unchangeable, on every
    /// session assumed from that one, and CloudTrail records it with every call. Empty: not sent (the roles'
    /// trust policies must allow <c>sts:SetSourceIdentity</c> when it is). Default <see cref="DefaultSourceIdentity"/>.
    /// </summary>
    public string SourceIdentity { get; set; } = DefaultSourceIdentity;

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
