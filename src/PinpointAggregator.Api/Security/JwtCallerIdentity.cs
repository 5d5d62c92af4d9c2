using System.Security.Claims;

namespace PinpointAggregator.Api.Security;

/// <summary>Reads a validated JWT's role, accounts and groups from the claims <see cref="JwtAuthOptions"/> names into the caller identity.</summary>
internal static class JwtCallerIdentity
{
    private static readonly char[] Separators = [' ', ','];

    public static ClaimsIdentity From(ClaimsPrincipal token, JwtAuthOptions names) =>
        CallerClaims.Identity(
            token.FindFirst(names.SubjectClaim)?.Value ?? "jwt",
            Values(token, names.RoleClaim),
            Values(token, names.AccountsClaim),
            Values(token, names.GroupsClaim));

    // A JSON array arrives as one claim per element; a string may also list several values.
    private static IEnumerable<string> Values(ClaimsPrincipal token, string type) =>
        token.FindAll(type).SelectMany(c => c.Value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
