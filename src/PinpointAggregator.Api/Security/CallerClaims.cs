using System.Security.Claims;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// The one shape in which every way of authenticating hands a caller to authorization: an identity of
/// <see cref="AuthenticationType"/> with the caller's subject, role(s), accounts and account groups. Only
/// this identity is read, so a claim of the same name inside a token cannot stand in for it.
/// </summary>
internal static class CallerClaims
{
    public const string AuthenticationType = "pinpoint";
    public const string Subject = "pinpoint:subject";
    public const string Role = "pinpoint:role";
    public const string Account = "pinpoint:account";
    public const string Group = "pinpoint:group";

    /// <summary>
    /// Marks a caller whose credential named a scope, even an empty one: it sees only the accounts listed
    /// (none, if none). Without it, a caller that lists no account and no group sees every account.
    /// </summary>
    public const string Scoped = "pinpoint:scoped";

    /// <param name="subject">Who the caller is (a key's id, a token's subject).</param>
    /// <param name="roles">The roles the credential names.</param>
    /// <param name="accounts">The account ids it may see.</param>
    /// <param name="groups">The account groups whose accounts it may see.</param>
    /// <param name="scoped">Whether the credential named a scope even if it lists nothing (<see cref="Scoped"/>).</param>
    public static ClaimsIdentity Identity(string subject, IEnumerable<string> roles, IEnumerable<string> accounts, IEnumerable<string> groups, bool scoped = false)
    {
        var claims = new List<Claim> { new(Subject, subject) };
        if (scoped)
        {
            claims.Add(new Claim(Scoped, "true"));
        }

        claims.AddRange(roles.Select(r => new Claim(Role, r)));
        claims.AddRange(accounts.Select(a => new Claim(Account, a)));
        claims.AddRange(groups.Select(g => new Claim(Group, g)));
        return new ClaimsIdentity(claims, AuthenticationType, Subject, Role);
    }

    /// <summary>The caller identity of a principal, if authentication made one.</summary>
    public static ClaimsIdentity? Of(ClaimsPrincipal principal) =>
        principal.Identities.FirstOrDefault(i => i.AuthenticationType == AuthenticationType);
}
