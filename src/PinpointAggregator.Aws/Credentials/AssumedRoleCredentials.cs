using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace PinpointAggregator.Aws.Credentials;

/// <summary>
/// Credentials for one role, assumed with STS and renewed before they expire, by the injected clock (so
/// tests can move time). Held in memory only: nothing here is logged, persisted or put in a message.
/// </summary>
/// <remarks>
/// The S3 client asks for credentials before each request, so a renewal happens on the first request
/// after the refresh point; one caller renews while the others wait on the same renewal.
/// </remarks>
public sealed class AssumedRoleCredentials : AWSCredentials, IDisposable
{
    /// <summary>After a failed early renewal, the next attempt waits this long (at most half the time left).</summary>
    private static readonly TimeSpan RenewalRetry = TimeSpan.FromSeconds(30);

    private readonly IAmazonSecurityTokenService _sts;
    private readonly AssumeRoleRequest _request;
    private readonly TimeSpan _refreshBefore;
    private readonly TimeProvider _time;
    private readonly AwsMetrics _metrics;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private ImmutableCredentials? _current;
    private DateTimeOffset _refreshAt;
    private DateTimeOffset _expiresAt;

    public AssumedRoleCredentials(IAmazonSecurityTokenService sts, AssumeRoleRequest request, TimeSpan refreshBefore, TimeProvider time, AwsMetrics metrics)
    {
        _sts = sts;
        _request = request;
        _refreshBefore = refreshBefore;
        _time = time;
        _metrics = metrics;
    }

    public string RoleArn => _request.RoleArn;

    /// <summary>When the held credentials will be renewed; <see cref="DateTimeOffset.MinValue"/> before the first call.</summary>
    public DateTimeOffset RefreshAt => _refreshAt;

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        if (_current is { } fresh && _time.GetUtcNow() < _refreshAt)
        {
            return fresh;
        }

        await _renewal.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_current is { } renewed && _time.GetUtcNow() < _refreshAt)
            {
                return renewed;
            }

            _metrics.StsCall();
            AssumeRoleResponse response;
            try
            {
                response = await _sts.AssumeRoleAsync(_request).ConfigureAwait(false);
            }
            catch (AmazonServiceException e)
            {
                _metrics.StsFailure(e.ErrorCode ?? "Unknown");

                // An early renewal that fails keeps the session it has until that really expires, and tries
                // again a little later rather than on every request.
                var failedAt = _time.GetUtcNow();
                if (_current is { } stillValid && failedAt < _expiresAt)
                {
                    _refreshAt = failedAt + TimeSpan.FromTicks(Math.Min(RenewalRetry.Ticks, (_expiresAt - failedAt).Ticks / 2));
                    return stillValid;
                }

                throw;
            }

            var c = response.Credentials;
            var now = _time.GetUtcNow();
            var expires = new DateTimeOffset(DateTime.SpecifyKind(c.Expiration ?? now.UtcDateTime.AddMinutes(15), DateTimeKind.Utc));
            var margin = TimeSpan.FromTicks(Math.Min(_refreshBefore.Ticks, (expires - now).Ticks / 2));
            (_current, _refreshAt, _expiresAt) = (new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), expires - margin, expires);
            return _current;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    /// <summary>Never the keys: only which role these are for.</summary>
    public override string ToString() => $"AssumedRoleCredentials({RoleArn})";
}
