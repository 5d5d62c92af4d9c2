using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Storage;
using static PinpointAggregator.Integration.Tests.Aws.CredentialHarness;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// What a member account's CloudTrail shows of our sessions, as the local STS received it from the SDK:
/// a session name that names the silo, and the service's source identity.
/// </summary>
public sealed class StsSessionIdentityTests : IDisposable
{
    private const string HubArn = "arn:aws:iam::999988887777:role/Hub";
    private readonly CredentialHarness _harness = new();

    [Fact]
    public async Task AssumeRole_SendsTheSilosSessionName_FittedToSts_AndTheSourceIdentity()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => (roles.SiloName, roles.SourceIdentity) = ("Silo 3/eu#west:" + new string('x', 60), "audit@example.com"));
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;

        await factory.Open(bucket.Name, Account).ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        var call = Assert.Single(_harness.Sts.Calls);
        var expected = ("pinpoint-aggregator-Silo-3-eu-west-" + new string('x', 60))[..64];
        Assert.Equal((expected, "audit@example.com"), (call.SessionName, call.SourceIdentity));
    }

    [Fact]
    public async Task DefaultSessionName_WithoutASiloName_NamesTheMachine()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => roles.SiloName = null);
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;

        await factory.Open(bucket.Name, Account).ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        var call = Assert.Single(_harness.Sts.Calls);
        var machine = new string([.. Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || "_+=,.@-".Contains(c, StringComparison.Ordinal) ? c : '-')]);
        Assert.Equal(("pinpoint-aggregator-" + machine)[..Math.Min(64, 20 + machine.Length)], call.SessionName);
    }

    [Fact]
    public async Task EmptySourceIdentity_IsNotSent()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => roles.SourceIdentity = string.Empty);
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;

        await factory.Open(bucket.Name, Account).ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        Assert.Null(Assert.Single(_harness.Sts.Calls).SourceIdentity);
    }

    [Fact]
    public async Task HubRole_IsAssumedFirst_WithTheSourceIdentity_ThenTheAccountRoleWithItsSession()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => roles.HubRoleArn = HubArn);
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;

        await factory.Open(bucket.Name, Account).ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        // STS carries the hub session's source identity over to the chained session and refuses to change it,
        // so only the first hop sends it; both hops name the silo.
        Assert.Equal(
            [(HubArn, "pinpoint-aggregator-test-silo", "pinpoint-aggregator"), (ReaderArn, "pinpoint-aggregator-test-silo", null)],
            _harness.Sts.Calls.Select(c => (c.RoleArn, c.SessionName, c.SourceIdentity)));
        Assert.Equal(HubArn, credentials.Describe(null));
    }

    public void Dispose() => _harness.Dispose();
}
