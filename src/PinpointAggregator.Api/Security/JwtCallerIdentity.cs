using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PinpointAggregator.Api.Security;

/// <summary>Reads a validated JWT's role, accounts and groups from the claims <see cref="JwtAuthOptions"/> names into the caller identity.</summary>
/// <remarks>
/// A token that carries the accounts or the groups claim is scoped by it even when it lists nothing
/// (<c>[]</c>, <c>""</c>, <c>null</c>): an identity provider that maps a user's accounts into the claim
/// writes an empty one for a user with none, and that user must see nothing, not every account. Only a
/// token without either claim is unrestricted.
/// </remarks>
internal static class JwtCallerIdentity
{
    private static readonly char[] Separators = [' ', ','];

    public static ClaimsIdentity From(ClaimsPrincipal token, SecurityToken? raw, JwtAuthOptions names)
    {
        var elsewhere = DistributedClaims(token);
        return CallerClaims.Identity(
            token.FindFirst(names.SubjectClaim)?.Value ?? "jwt",
            Values(token, names.RoleClaim),
            Values(token, names.AccountsClaim),
            Values(token, names.GroupsClaim),
            scoped: Carries(token, raw, elsewhere, names.AccountsClaim) || Carries(token, raw, elsewhere, names.GroupsClaim));
    }

    // A JSON array arrives as one claim per element; a string may also list several values.
    private static IEnumerable<string> Values(ClaimsPrincipal token, string type) =>
        token.FindAll(type).SelectMany(c => c.Value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // An empty array becomes no claim at all, so the payload is asked too; a claim the issuer moved out of the
    // token is named among the distributed claims.
    private static bool Carries(ClaimsPrincipal token, SecurityToken? raw, HashSet<string> elsewhere, string type) =>
        token.HasClaim(c => c.Type == type) || (raw is JsonWebToken jwt && jwt.TryGetPayloadValue<object>(type, out _)) || elsewhere.Contains(type);

    /// <summary>
    /// The claims the issuer moved out of the token (OpenID Connect distributed claims, named in
    /// <c>_claim_names</c>; Entra ID does so for users in more than 200 groups): such a token still scopes its
    /// caller, by groups this service cannot see.
    /// </summary>
    private static HashSet<string> DistributedClaims(ClaimsPrincipal token)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in token.FindAll("_claim_names"))
        {
            try
            {
                using var document = JsonDocument.Parse(claim.Value);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    names.UnionWith(document.RootElement.EnumerateObject().Select(p => p.Name));
                }
            }
            catch (JsonException)
            {
                // Not an object of claim names: it names nothing, and the claims themselves decide.
            }
        }

        return names;
    }
}
