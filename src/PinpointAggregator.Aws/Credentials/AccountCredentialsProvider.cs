using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PinpointAggregator.Aws.Credentials;

/// <summary>
/// The credentials each account's reads use on this silo: an assumed role (optionally chained through
/// the hub role) or the ambient chain. One cache per silo; credentials never leave the process.
/// </summary>
/// <remarks>
/// Every AssumeRole carries this silo's session name, so the member account's CloudTrail shows which silo
/// read. The <c>SourceIdentity</c> goes on the first AssumeRole of a chain only: STS carries it over to the
/// sessions assumed from that one and refuses a request that tries to change it.
/// </remarks>
public sealed class AccountCredentialsProvider : IDisposable
{
    private readonly AwsOptions _options;
    private readonly TimeProvider _time;
    private readonly AwsMetrics _metrics;
    private readonly ILogger _logger;
    private readonly string _sessionName;
    private readonly ConcurrentDictionary<string, AssumedRoleCredentials> _byRole = new(StringComparer.Ordinal);
    private readonly Lazy<AssumedRoleCredentials?> _hub;
    private readonly List<IDisposable> _clients = [];

    public AccountCredentialsProvider(IOptions<AwsOptions> options, TimeProvider time, AwsMetrics metrics, ILogger<AccountCredentialsProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _time, _metrics) = (options.Value, time, metrics);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _sessionName = StsNames.SessionName(_options.Roles);
        _hub = new(() => _options.Roles.HubRoleArn is { } hub ? Assume(hub, with: null) : null);
    }

    /// <summary>Credentials for an account's reads; null means the SDK's ambient chain.</summary>
    public AWSCredentials? For(string? account)
    {
        if (account is null || _options.Roles.RoleArnFor(account) is not { } roleArn)
        {
            return _hub.Value;
        }

        return _byRole.GetOrAdd(roleArn, arn => Assume(arn, _hub.Value));
    }

    /// <summary>
    /// Credentials for a given role (a notification queue in another account): assumed with the same session name and
    /// source identity rules as an account's role (chained through the hub role when one is set), cached and renewed
    /// likewise. Null <paramref name="roleArn"/>: the hub's session, else the ambient chain.
    /// </summary>
    public AWSCredentials? ForRole(string? roleArn) =>
        roleArn is { Length: > 0 } arn ? _byRole.GetOrAdd(arn, a => Assume(a, _hub.Value)) : _hub.Value;

    /// <summary>The role an account reads with, for health reports.</summary>
    public string Describe(string? account) =>
        (account is null ? null : _options.Roles.RoleArnFor(account)) ?? _options.Roles.HubRoleArn ?? "ambient credentials";

    public void Dispose()
    {
        foreach (var disposable in _clients.Concat(_byRole.Values))
        {
            disposable.Dispose();
        }

        if (_hub.IsValueCreated)
        {
            _hub.Value?.Dispose();
        }
    }

    private AssumedRoleCredentials Assume(string roleArn, AssumedRoleCredentials? with)
    {
        var config = new AmazonSecurityTokenServiceConfig();
        if (_options.StsServiceUrl is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = _options.Region;
        }
        else if (_options.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        var sts = with is null ? new AmazonSecurityTokenServiceClient(config) : new AmazonSecurityTokenServiceClient(with, config);
        lock (_clients)
        {
            _clients.Add(sts);
        }

        var roles = _options.Roles;
        var request = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = _sessionName,
            DurationSeconds = (int)roles.Duration.TotalSeconds,
            ExternalId = roles.ExternalId,

            // Chained through the hub, the hub session already carries it (see remarks).
            SourceIdentity = with is null && roles.SourceIdentity is { Length: > 0 } source ? source : null,
        };
        return new AssumedRoleCredentials(sts, request, roles.RefreshBefore, _time, _metrics, _logger);
    }
}
