using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// The UNAUTHENTICATED message for a failed authentication: what kind of failure (missing, expired, wrong
/// audience, ...) in our own words, so a client can fix its token, without echoing the token or its claims.
/// </summary>
internal static class AuthenticationFailures
{
    private const string Invalid = "The bearer token is not valid.";

    public const string Missing = "This call needs a bearer token: send 'authorization: Bearer <API key or JWT>'.";

    public static string Describe(AuthenticateResult result) => result.Failure is null ? Missing : Describe(result.Failure);

    private static string Describe(Exception failure) => failure switch
    {
        AggregateException many => many.InnerExceptions.Count > 0 ? Describe(many.InnerExceptions[0]) : Invalid,
        BearerTokenRejectedException rejected => rejected.Message,
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The bearer token is not meant for this service (audience).",
        SecurityTokenInvalidIssuerException => "The bearer token's issuer is not trusted.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature does not verify.",
        _ => Invalid,
    };
}
