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

    public static ClaimsIdentity Identity(string subject, IEnumerable<string> roles, IEnumerable<string> accounts, IEnumerable<string> groups)
    {
        var claims = new List<Claim> { new(Subject, subject) };
        claims.AddRange(roles.Select(r => new Claim(Role, r)));
        claims.AddRange(accounts.Select(a => new Claim(Account, a)));
        claims.AddRange(groups.Select(g => new Claim(Group, g)));
        return new ClaimsIdentity(claims, AuthenticationType, Subject, Role);
    }

    /// <summary>The caller identity of a principal, if authentication made one.</summary>
    public static ClaimsIdentity? Of(ClaimsPrincipal principal) =>
        principal.Identities.FirstOrDefault(i => i.AuthenticationType == AuthenticationType);
}
