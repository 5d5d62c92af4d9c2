using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.ApiKeys;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Authenticates <c>authorization: Bearer pa_{id}_{secret}</c>: finds the key by id and compares the
/// secret's salted hash in constant time. Logs the key id of a rejected key, never the token or the secret.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IOptions<ApiOptions> api)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken.Of(Request);
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!ApiKey.TryParse(token, out var key))
        {
            // Tokens without the API key prefix come here only when no JWT issuer is configured.
            var why = ApiKey.HasPrefix(token) ? "The API key is malformed."
                : api.Value.Auth.Jwt.IsConfigured ? "The bearer token is not valid."
                : "The bearer token is not an API key, and this service accepts no JWTs.";
            LogMalformed(Logger);
            return Task.FromResult(AuthenticateResult.Fail(new BearerTokenRejectedException(why)));
        }

        var grant = keys.Find(key.Id);
        if (grant is null || !grant.Hash.Matches(key.Secret))
        {
            // One answer for an unknown id and a wrong secret; the log tells the operator which.
            LogRejected(Logger, key.Id, grant is null ? "unknown key id" : "wrong secret");
            return Task.FromResult(AuthenticateResult.Fail(new BearerTokenRejectedException("The API key is not valid.")));
        }

        var identity = CallerClaims.Identity($"api-key:{grant.Id}", [ApiRoleNames.Of(grant.Role)], grant.Accounts, grant.Groups);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    [LoggerMessage(702, LogLevel.Information, "API key {KeyId} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string keyId, string reason);

    [LoggerMessage(703, LogLevel.Debug, "A bearer token was rejected: not a well-formed API key")]
    private static partial void LogMalformed(ILogger logger);
}
