using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging;

namespace PinpointAggregator.Aws.Credentials;

/// <summary>
/// Credentials for one role, assumed with STS and renewed before they expire, by the injected clock (so
/// tests can move time). Held in memory only: nothing here is logged, persisted or put in a message.
/// </summary>
/// <remarks>
/// The SDK's clients ask <see cref="GetCredentialsAsync"/> before each request, so a renewal happens on the
/// first request after the refresh point; one caller renews while the others wait on the same renewal, so
/// there is at most one AssumeRole per role at a time. An early renewal that fails for any STS or network
/// reason keeps the held session until it expires and tries again <see cref="RenewalRetry"/> later.
/// </remarks>
public sealed partial class AssumedRoleCredentials : AWSCredentials, IDisposable
{
    /// <summary>After a failed early renewal, the next attempt waits this long (at most half the time left).</summary>
    public static readonly TimeSpan RenewalRetry = TimeSpan.FromSeconds(30);

    private readonly IAmazonSecurityTokenService _sts;
    private readonly AssumeRoleRequest _request;
    private readonly TimeSpan _refreshBefore;
    private readonly TimeProvider _time;
    private readonly AwsMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _renewal = new(1, 1);

    // Replaced whole, never changed in place, so a reader without the semaphore sees one consistent session.
    private volatile Session? _session;

    public AssumedRoleCredentials(IAmazonSecurityTokenService sts, AssumeRoleRequest request, TimeSpan refreshBefore, TimeProvider time, AwsMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(request);
        (_sts, _request, _refreshBefore, _time, _metrics, _logger) = (sts, request, refreshBefore, time, metrics, logger);
    }

    public string RoleArn => _request.RoleArn;

    /// <summary>When the held credentials will be renewed; <see cref="DateTimeOffset.MinValue"/> before the first call.</summary>
    public DateTimeOffset RefreshAt => _session?.RefreshAt ?? DateTimeOffset.MinValue;

    /// <summary>
    /// The held session while it has not expired. Never calls STS: blocking a thread on an HTTP call would
    /// starve the thread pool the grains run on. Without a usable session it throws instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">No session yet, or it expired; use <see cref="GetCredentialsAsync"/>.</exception>
    public override ImmutableCredentials GetCredentials() =>
        _session is { } held && _time.GetUtcNow() < held.ExpiresAt
            ? held.Credentials
            : throw new InvalidOperationException($"No current session for {RoleArn}: these credentials are renewed only by GetCredentialsAsync.");

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        if (_session is { } fresh && _time.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Credentials;
        }

        await _renewal.WaitAsync().ConfigureAwait(false);
        try
        {
            // Another caller may have renewed while this one waited.
            if (_session is { } renewed && _time.GetUtcNow() < renewed.RefreshAt)
            {
                return renewed.Credentials;
            }

            return await RenewAsync().ConfigureAwait(false);
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    /// <summary>Never the keys: only which role these are for.</summary>
    public override string ToString() => $"AssumedRoleCredentials({RoleArn})";

    private async Task<ImmutableCredentials> RenewAsync()
    {
        _metrics.StsCall();
        AssumeRoleResponse response;
        try
        {
            response = await _sts.AssumeRoleAsync(_request).ConfigureAwait(false);
        }
        catch (Exception e) when (StsFailures.KeepsHeldSession(e))
        {
            var code = StsFailures.Code(e);
            _metrics.StsFailure(code);
            var failedAt = _time.GetUtcNow();
            if (_session is { } stillValid && failedAt < stillValid.ExpiresAt)
            {
                // Keep the session until it really expires, and try again a little later rather than on every request.
                var retryAt = failedAt + TimeSpan.FromTicks(Math.Min(RenewalRetry.Ticks, (stillValid.ExpiresAt - failedAt).Ticks / 2));
                _session = stillValid with { RefreshAt = retryAt };
                LogRenewalFailed(_logger, RoleArn, code, stillValid.ExpiresAt, retryAt);
                return stillValid.Credentials;
            }

            LogAssumeFailed(_logger, RoleArn, code);
            throw;
        }

        var c = response.Credentials;
        var now = _time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(c.Expiration ?? now.UtcDateTime.AddMinutes(15), DateTimeKind.Utc));
        var margin = TimeSpan.FromTicks(Math.Min(_refreshBefore.Ticks, (expires - now).Ticks / 2));
        var session = new Session(new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), expires - margin, expires);
        _session = session;
        return session.Credentials;
    }

    [LoggerMessage(300, LogLevel.Warning, "Renewing the session for {RoleArn} failed with {Code}; reads keep the current session, which expires at {ExpiresAt:O}, and STS is asked again at {RetryAt:O}")]
    private static partial void LogRenewalFailed(ILogger logger, string roleArn, string code, DateTimeOffset expiresAt, DateTimeOffset retryAt);

    [LoggerMessage(301, LogLevel.Warning, "Assuming {RoleArn} failed with {Code} and no valid session is left; reads with it fail until STS answers")]
    private static partial void LogAssumeFailed(ILogger logger, string roleArn, string code);

    /// <summary>One STS answer: the keys and when to renew them.</summary>
    private sealed record Session(ImmutableCredentials Credentials, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt)
    {
        /// <summary>A record prints its members; this one must never print the keys.</summary>
        public override string ToString() => $"Session(expires {ExpiresAt:O})";
    }
}
