using System.Diagnostics.Metrics;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Storage;
using static PinpointAggregator.Integration.Tests.Aws.CredentialHarness;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// Per-account credentials through the real SDK clients: AssumeRole against the local STS, S3 reads on
/// s3rver with the session it returned, renewal before expiry on a fake clock, and hub-role chaining.
/// </summary>
public sealed class CredentialRefreshTests : IDisposable
{
    private readonly CredentialHarness _harness = new();

    [Fact]
    public async Task ShortSession_IsRenewedBeforeItExpires_AndNotBefore()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 2, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => (roles.Duration, roles.ExternalId) = (TimeSpan.FromMinutes(15), "audit-external-id"));
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        var store = factory.Open(bucket.Name, Account);

        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromMinutes(9));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        Assert.Single(_harness.Sts.Calls);

        // 15-minute session, renewed 5 minutes before it ends: at minute 10.
        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        var calls = _harness.Sts.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.All(calls, c => Assert.Equal(
            (ReaderArn, "pinpoint-aggregator-test-silo", "pinpoint-aggregator", "audit-external-id", 900, LocalSts.AccessKey),
            (c.RoleArn, c.SessionName, c.SourceIdentity, c.ExternalId, c.DurationSeconds, c.SignedWithAccessKey)));
        Assert.Equal(_harness.Time.GetUtcNow(), calls[1].At);
    }

    [Fact]
    public async Task RenewalDenied_BeforeExpiry_KeepsTheValidSession_ThenFails()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(roles => roles.Duration = TimeSpan.FromMinutes(15));
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        var store = factory.Open(bucket.Name, Account);
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        _harness.Sts.Deny(ReaderArn);

        // Past the refresh point (minute 10), before expiry (minute 15): the renewal fails, the session still works.
        _harness.Time.Advance(TimeSpan.FromMinutes(12));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        Assert.Equal(2, _harness.Sts.Calls.Count);

        _harness.Time.Advance(TimeSpan.FromMinutes(4));
        var error = await Assert.ThrowsAsync<TrailStoreException>(() => store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None));
        Assert.Equal(TrailStoreErrorKind.Denied, error.Kind);
    }

    [Fact]
    public async Task DeniedRole_SurfacesAsADeniedStoreErrorWithoutSecrets_AndCountsAnStsFailure()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = _harness.Create(_ => { });
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        _harness.Sts.Deny(ReaderArn);
        var failures = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == _harness.Meters && instrument.Name == "pinpoint.sts.failures")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => failures.Add($"{tags[0].Key}={tags[0].Value}"));
        listener.Start();

        var error = await Assert.ThrowsAsync<TrailStoreException>(() => factory.Open(bucket.Name, Account).ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None));

        Assert.Equal((TrailStoreErrorKind.Denied, "AccessDenied"), (error.Kind, error.Code));
        Assert.DoesNotContain(LocalSts.AccessKey, error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Equal("code=AccessDenied", f));
    }

    public void Dispose() => _harness.Dispose();
}
