using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PinpointAggregator.Aws;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Integration.Tests.Fakes;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// What the credential tests share: a fake clock, the local STS, and the production credential provider
/// and store factory pointed at them and at s3rver, with the role <c>Reader</c> in every account.
/// </summary>
internal sealed class CredentialHarness : IDisposable
{
    public const string Account = "111122223333";
    public const string ReaderArn = $"arn:aws:iam::{Account}:role/Reader";

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public CredentialHarness()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LocalSts.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LocalSts.AccessKey);
        Sts = new LocalSts(Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public LocalSts Sts { get; }

    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public (S3TrailStoreFactory Factory, AccountCredentialsProvider Credentials) Create(Action<RoleOptions> configure)
    {
        var aws = new AwsOptions { Region = "us-east-1", S3ServiceUrl = TestServices.S3Endpoint, ForcePathStyle = true, StsServiceUrl = Sts.Url };
        aws.Roles.RoleName = "Reader";
        aws.Roles.SiloName = "test-silo";
        configure(aws.Roles);
        var credentials = new AccountCredentialsProvider(Options.Create(aws), Time, new AwsMetrics(Meters));
        return (new S3TrailStoreFactory(Options.Create(aws), credentials), credentials);
    }

    public void Dispose()
    {
        Sts.Dispose();
        _services.Dispose();
    }
}
