using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Storage;
using static PinpointAggregator.Integration.Tests.Aws.CredentialHarness;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// The credential path is asynchronous end to end: nothing blocks a thread on an STS call, and callers
/// that arrive during a renewal share that one AssumeRole.
/// </summary>
public sealed class AsyncCredentialTests : IDisposable
{
    private readonly CredentialHarness _harness = new();

    [Fact]
    public async Task SynchronousGetCredentials_NeverCallsSts_ButServesTheHeldSessionUntilItExpires()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => roles.Duration = TimeSpan.FromMinutes(15));
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        var session = credentials.For(Account)!;

        Assert.Throws<InvalidOperationException>(session.GetCredentials);
        Assert.Empty(_harness.Sts.Calls);

        var held = await session.GetCredentialsAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(12));
        Assert.Same(held, session.GetCredentials());
        Assert.Single(_harness.Sts.Calls);

        _harness.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Throws<InvalidOperationException>(session.GetCredentials);
        Assert.Single(_harness.Sts.Calls);
    }

    [Fact]
    public async Task ConcurrentReads_DuringOneAssumeRole_ShareIt()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(_ => { });
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        var store = factory.Open(bucket.Name, Account);
        _harness.Sts.HoldAnswers();

        var reads = Enumerable.Range(0, 16).Select(_ => store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None)).ToList();
        await Eventually.MatchesAsync(() => Task.FromResult(_harness.Sts.Calls.Count), count => count > 0, "the first AssumeRole reached STS");
        _harness.Sts.ReleaseAnswers();
        await Task.WhenAll(reads);

        Assert.Single(_harness.Sts.Calls);
        Assert.Equal(_harness.Time.GetUtcNow() + TimeSpan.FromMinutes(55), ((AssumedRoleCredentials)credentials.For(Account)!).RefreshAt);
    }

    public void Dispose() => _harness.Dispose();
}
