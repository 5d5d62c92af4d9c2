using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Turns an authenticated caller identity (<see cref="CallerClaims"/>) into its <see cref="CallerAccess"/>:
/// the highest valid role; the accounts listed plus those of the groups named (from
/// <c>Api:Auth:AccountGroups</c>); every account when neither is given.
/// </summary>
internal sealed partial class CallerAccessFactory
{
    private readonly Dictionary<string, string[]> _groups;
    private readonly ILogger<CallerAccessFactory> _logger;

    public CallerAccessFactory(IOptions<ApiOptions> options, ILogger<CallerAccessFactory> logger)
    {
        // Configuration keys ignore case, so group names do too.
        _groups = options.Value.Auth.AccountGroups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        _logger = logger;
    }

    /// <returns>The caller's access, or null with the reason when the identity carries no valid role.</returns>
    public CallerAccess? Create(ClaimsPrincipal principal, out string? problem)
    {
        var identity = CallerClaims.Of(principal);
        if (identity is null)
        {
            problem = "The caller was authenticated without a role.";
            return null;
        }

        var roles = identity.FindAll(CallerClaims.Role).Select(c => ApiRoleNames.TryParse(c.Value, out var role) ? role : (ApiRole?)null).OfType<ApiRole>().ToList();
        if (roles.Count == 0)
        {
            problem = $"The caller has no role: the token must carry '{ApiRoleNames.Viewer}' or '{ApiRoleNames.Operator}'.";
            return null;
        }

        var subject = identity.FindFirst(CallerClaims.Subject)?.Value ?? "unknown";
        problem = null;
        return new CallerAccess(subject, roles.Max(), Scope(identity, subject));
    }

    private HashSet<string>? Scope(ClaimsIdentity identity, string subject)
    {
        var accounts = identity.FindAll(CallerClaims.Account).Select(c => c.Value).ToList();
        var groups = identity.FindAll(CallerClaims.Group).Select(c => c.Value).ToList();
        if (accounts.Count == 0 && groups.Count == 0 && !identity.HasClaim(c => c.Type == CallerClaims.Scoped))
        {
            return null;
        }

        var scope = new HashSet<string>(accounts, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (_groups.TryGetValue(group, out var members))
            {
                scope.UnionWith(members);
            }
            else
            {
                // Only a token can name an unknown group (configured keys are checked at start); it adds nothing.
                LogUnknownGroup(_logger, subject, group);
            }
        }

        return scope;
    }

    [LoggerMessage(704, LogLevel.Debug, "Caller {Subject} names account group '{Group}', which Api:Auth:AccountGroups does not define; it adds no account")]
    private static partial void LogUnknownGroup(ILogger logger, string subject, string group);
}
