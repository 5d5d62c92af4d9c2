using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Storage;
using static PinpointAggregator.Integration.Tests.Aws.CredentialHarness;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// An early renewal that cannot reach STS (connection dropped without an answer, or nothing listening)
/// keeps the still-valid session, waits 30 s before asking STS again, and fails only once the session expired.
/// </summary>
public sealed class RenewalNetworkFailureTests : IDisposable
{
    private readonly CredentialHarness _harness = new();

    [Theory]
    [InlineData("dropped connection")]
    [InlineData("stopped")]
    public async Task RenewalUnreachable_BeforeExpiry_KeepsTheSession_RetriesAfter30Seconds_ThenFailsTransient(string fault)
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => roles.Duration = TimeSpan.FromMinutes(15));
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        var store = factory.Open(bucket.Name, Account);
        var session = (AssumedRoleCredentials)credentials.For(Account)!;
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        Break(fault);

        // Past the refresh point (minute 10), before expiry (minute 15).
        _harness.Time.Advance(TimeSpan.FromMinutes(12));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        var failedAt = _harness.Time.GetUtcNow();
        Assert.Equal(failedAt + AssumedRoleCredentials.RenewalRetry, session.RefreshAt);
        var callsAfterFailure = _harness.Sts.Calls.Count;

        // Within the 30 s nothing asks STS; at 30 s the next renewal is tried (and fails again).
        _harness.Time.Advance(TimeSpan.FromSeconds(29));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        Assert.Equal((failedAt + AssumedRoleCredentials.RenewalRetry, callsAfterFailure), (session.RefreshAt, _harness.Sts.Calls.Count));
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        Assert.Equal(_harness.Time.GetUtcNow() + AssumedRoleCredentials.RenewalRetry, session.RefreshAt);

        _harness.Time.Advance(TimeSpan.FromMinutes(3));
        var error = await Assert.ThrowsAsync<TrailStoreException>(() => store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None));
        Assert.Equal(TrailStoreErrorKind.Transient, error.Kind);
    }

    [Fact]
    public async Task RenewalAfterDroppedConnections_SucceedsOnceStsAnswersAgain()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => roles.Duration = TimeSpan.FromMinutes(15));
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        var store = factory.Open(bucket.Name, Account);
        var session = (AssumedRoleCredentials)credentials.For(Account)!;
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        _harness.Sts.DropConnections();
        _harness.Time.Advance(TimeSpan.FromMinutes(11));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        _harness.Sts.AnswerAgain();
        _harness.Time.Advance(AssumedRoleCredentials.RenewalRetry);
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        // A new 15-minute session from now, renewed 5 minutes before it ends.
        Assert.Equal(_harness.Time.GetUtcNow() + TimeSpan.FromMinutes(10), session.RefreshAt);
    }

    public void Dispose() => _harness.Dispose();

    private void Break(string fault)
    {
        if (fault == "stopped")
        {
            _harness.Sts.Stop();
        }
        else
        {
            _harness.Sts.DropConnections();
        }
    }
}
