using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Aws;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// Per-account credentials through the real SDK clients: AssumeRole against the local STS, S3 reads on
/// s3rver with the session it returned, renewal before expiry on a fake clock, and hub-role chaining.
/// </summary>
public sealed class CredentialRefreshTests : IDisposable
{
    private const string Account = "111122223333";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly LocalSts _sts;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public CredentialRefreshTests()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LocalSts.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LocalSts.AccessKey);
        _sts = new LocalSts(_time);
    }

    [Fact]
    public async Task ShortSession_IsRenewedBeforeItExpires_AndNotBefore()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 2, MalformedFiles = 0 });
        var (factory, credentials) = Create(bucket.Name, roles => (roles.Duration, roles.ExternalId) = (TimeSpan.FromMinutes(15), "audit-external-id"));
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        var store = factory.Open(bucket.Name, Account);

        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(9));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        Assert.Single(_sts.Calls);

        // 15-minute session, renewed 5 minutes before it ends: at minute 10.
        _time.Advance(TimeSpan.FromMinutes(2));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        var calls = _sts.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.All(calls, c => Assert.Equal(
            ($"arn:aws:iam::{Account}:role/Reader", "pinpoint-aggregator", "audit-external-id", 900, LocalSts.AccessKey),
            (c.RoleArn, c.SessionName, c.ExternalId, c.DurationSeconds, c.SignedWithAccessKey)));
        Assert.Equal(_time.GetUtcNow(), calls[1].At);
    }

    [Fact]
    public async Task RenewalDenied_BeforeExpiry_KeepsTheValidSession_ThenFails()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = Create(bucket.Name, roles => roles.Duration = TimeSpan.FromMinutes(15));
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        var store = factory.Open(bucket.Name, Account);
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        _sts.Deny($"arn:aws:iam::{Account}:role/Reader");

        // Past the refresh point (minute 10), before expiry (minute 15): the renewal fails, the session still works.
        _time.Advance(TimeSpan.FromMinutes(12));
        await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);
        Assert.Equal(2, _sts.Calls.Count);

        _time.Advance(TimeSpan.FromMinutes(4));
        var error = await Assert.ThrowsAsync<TrailStoreException>(() => store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None));
        Assert.Equal(TrailStoreErrorKind.Denied, error.Kind);
    }

    [Fact]
    public async Task HubRole_IsAssumedFirst_ThenTheAccountRoleWithItsSession()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = Create(bucket.Name, roles => roles.HubRoleArn = "arn:aws:iam::999988887777:role/Hub");
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;

        await factory.Open(bucket.Name, Account).ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None);

        Assert.Equal(["arn:aws:iam::999988887777:role/Hub", $"arn:aws:iam::{Account}:role/Reader"], _sts.Calls.Select(c => c.RoleArn));
        Assert.Equal("arn:aws:iam::999988887777:role/Hub", credentials.Describe(null));
    }

    [Fact]
    public async Task DeniedRole_SurfacesAsADeniedStoreErrorWithoutSecrets_AndCountsAnStsFailure()
    {
        using var bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 1, MalformedFiles = 0 });
        var (factory, credentials) = Create(bucket.Name, _ => { });
        using var disposeCredentials = credentials;
        using var disposeFactory = factory;
        _sts.Deny($"arn:aws:iam::{Account}:role/Reader");
        var failures = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == _services.GetRequiredService<IMeterFactory>() && instrument.Name == "pinpoint.sts.failures")
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

    public void Dispose()
    {
        _sts.Dispose();
        _services.Dispose();
    }

    private (TrailObjectStoreFactory Factory, AccountCredentialsProvider Credentials) Create(string bucket, Action<RoleOptions> configure)
    {
        var aws = new AwsOptions { Region = "us-east-1", S3ServiceUrl = TestServices.S3Endpoint, ForcePathStyle = true, StsServiceUrl = _sts.Url };
        aws.Roles.RoleName = "Reader";
        configure(aws.Roles);
        var ingestion = new IngestionOptions();
        ingestion.Buckets.Add(new TrailBucketOptions { Name = bucket });
        var credentials = new AccountCredentialsProvider(Options.Create(aws), _time, new AwsMetrics(_services.GetRequiredService<IMeterFactory>()));
        return (new TrailObjectStoreFactory(Options.Create(ingestion), Options.Create(aws), credentials), credentials);
    }
}
