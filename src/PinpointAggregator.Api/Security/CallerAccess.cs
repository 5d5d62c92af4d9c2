namespace PinpointAggregator.Api.Security;

/// <summary>
/// What the authenticated caller of one request may do: its role, and the accounts it may see (null: every
/// account). Every service asks this before reading or listing anything; out-of-scope resources are
/// filtered from lists and answered PERMISSION_DENIED when named, whether or not they exist.
/// </summary>
public sealed record CallerAccess(string Subject, ApiRole Role, IReadOnlySet<string>? Accounts)
{
    /// <summary>Full access: the caller of an endpoint that has no authentication configured.</summary>
    public static CallerAccess Unrestricted { get; } = new("anonymous", ApiRole.Operator, null);

    public bool CanSee(string account) => Accounts is null || Accounts.Contains(account);

    public bool IsOperator => Role == ApiRole.Operator;
}
