using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.ApiKeys;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Before anything listens, says how callers authenticate; on a loopback endpoint with no authentication
/// configured (the embedded default), provides an operator API key: it is written to
/// <see cref="ApiAuthOptions.GeneratedKeyPath"/> for the user, only its hash is kept in memory, and the log
/// says where it is, never what it is.
/// </summary>
internal sealed partial class GeneratedApiKey(IOptions<ApiOptions> options, ApiKeyStore keys, ILogger<GeneratedApiKey> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var api = options.Value;
        var auth = api.Auth;
        if (auth.Mode == ApiAuthMode.None)
        {
            LogNoAuthentication(logger, api.Url);
            return Task.CompletedTask;
        }

        if (auth.AnyConfigured)
        {
            LogConfigured(logger, api.Url, auth.ApiKeys.Count, auth.Jwt.Authority ?? (auth.Jwt.IsConfigured ? "configured signing keys" : "none"));
            return Task.CompletedTask;
        }

        // Validation refuses a non-loopback endpoint without authentication; never hand a key to one anyway.
        if (!ApiEndpoint.TryParse(api.Url, out var endpoint, out _) || !endpoint.IsLoopback)
        {
            return Task.CompletedTask;
        }

        ApiKey key;
        ApiKeyFileState state;
        try
        {
            (key, state) = ApiKeyFile.LoadOrCreate(auth.GeneratedKeyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Ingestion must not stop because a home folder is read-only (a container); the API just admits nobody.
            LogNotWritten(logger, Path.GetFullPath(auth.GeneratedKeyPath), e.Message);
            return Task.CompletedTask;
        }

        keys.Add(new ApiKeyGrant(key.Id, ApiKeyHash.Create(key.Secret), ApiRole.Operator, [], []));
        LogGenerated(logger, api.Url, Path.GetFullPath(auth.GeneratedKeyPath), state == ApiKeyFileState.Reused ? "reused" : "new");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(700, LogLevel.Information, "No API authentication is configured for the loopback endpoint {Url}: callers need the operator API key in {Path} ({State} key, readable only by this user), sent as 'authorization: Bearer <key>'")]
    private static partial void LogGenerated(ILogger logger, string url, string path, string state);

    [LoggerMessage(701, LogLevel.Warning, "Api:Auth:Mode is None: every caller that reaches {Url} is an unrestricted operator, without a token")]
    private static partial void LogNoAuthentication(ILogger logger, string url);

    [LoggerMessage(706, LogLevel.Warning, "No API authentication is configured, and the generated API key could not be written to {Path} ({Reason}): the API admits no caller until Api:Auth:ApiKeys or Api:Auth:Jwt is configured, or Api:Auth:GeneratedKeyFile names a writable file")]
    private static partial void LogNotWritten(ILogger logger, string path, string reason);

    [LoggerMessage(705, LogLevel.Information, "API callers of {Url} authenticate with bearer tokens: {ApiKeys} API keys configured; JWTs: {Jwt}")]
    private static partial void LogConfigured(ILogger logger, string url, int apiKeys, string jwt);
}
