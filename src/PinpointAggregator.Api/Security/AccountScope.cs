using PinpointAggregator.Api.Errors;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Which accounts a request reads, given what it names and what its caller may see: a named account outside
/// the caller's scope is PERMISSION_DENIED (whether or not it exists); naming none means every account the
/// caller may see.
/// </summary>
internal static class AccountScope
{
    /// <returns>The accounts to read; null for every account (an unrestricted caller that named none).</returns>
    public static IReadOnlyCollection<string>? Resolve(CallerAccess caller, IReadOnlyCollection<string> named)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(named);
        if (named.Count > 0)
        {
            if (named.FirstOrDefault(a => !caller.CanSee(a)) is { } outside)
            {
                throw ApiErrors.PermissionDenied($"accounts/{outside}");
            }

            return named;
        }

        return caller.Accounts is { } scope ? [.. scope.Order(StringComparer.Ordinal)] : null;
    }

    /// <summary>Throws PERMISSION_DENIED naming <paramref name="resource"/> when the caller may not see <paramref name="account"/>.</summary>
    public static void Demand(CallerAccess caller, string account, string resource)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.CanSee(account))
        {
            throw ApiErrors.PermissionDenied(resource);
        }
    }

    /// <summary>Throws PERMISSION_DENIED unless the caller has the operator role.</summary>
    public static void DemandOperator(CallerAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOperator)
        {
            throw ApiErrors.OperatorOnly();
        }
    }
}
