using Microsoft.Extensions.Configuration;
using System.Globalization;
using Orleans.TestingHost;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>
/// A real Orleans test cluster running the ingestion grains against s3rver and the local STS, configured
/// the way an operator would: one bucket, a role name for every account, short intervals so tests are quick.
/// </summary>
internal sealed class IngestionCluster : IAsyncDisposable
{
    public const string RoleName = "PinpointAuditReader";

    private IngestionCluster(TestCluster cluster, LocalSts sts)
    {
        (Cluster, Sts) = (cluster, sts);
    }

    public TestCluster Cluster { get; }

    public LocalSts Sts { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static string RoleArn(string account) => $"arn:aws:iam::{account}:role/{RoleName}";

    /// <summary>Starts the cluster; a <c>lastConfigurator</c> runs after the ingestion one, so its registrations win (stores of a test's own).</summary>
    public static async Task<IngestionCluster> StartAsync(string bucket, int silos = 1, IReadOnlyDictionary<string, string?>? overrides = null, Type? firstConfigurator = null, Type? lastConfigurator = null)
    {
        // The SDK's ambient chain signs the AssumeRole calls, exactly as in production.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LocalSts.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LocalSts.AccessKey);
        var sts = new LocalSts();
        var settings = new Dictionary<string, string?>
        {
            ["Aws:Region"] = "us-east-1",
            ["Aws:S3ServiceUrl"] = TestServices.S3Endpoint,
            ["Aws:ForcePathStyle"] = "true",
            ["Aws:StsServiceUrl"] = sts.Url,
            ["Aws:Roles:RoleName"] = RoleName,
            ["Ingestion:Buckets:0:Name"] = bucket,
            ["Ingestion:StartFrom"] = new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            ["Ingestion:PollInterval"] = "00:00:01",
            ["Ingestion:MaxPollInterval"] = "00:00:02",
            ["Ingestion:DiscoveryInterval"] = "00:00:02",
            ["Ingestion:RetryBaseDelay"] = "00:00:00.200",
            ["Ingestion:MaxRetryDelay"] = "00:00:02",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = new TestClusterBuilder((short)silos);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        if (firstConfigurator is not null)
        {
            builder.Options.SiloBuilderConfiguratorTypes.Add(firstConfigurator.AssemblyQualifiedName!);
        }

        builder.AddSiloBuilderConfigurator<IngestionSiloConfigurator>();
        if (lastConfigurator is not null)
        {
            builder.Options.SiloBuilderConfiguratorTypes.Add(lastConfigurator.AssemblyQualifiedName!);
        }
        builder.AddClientBuilderConfigurator<IngestionClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new IngestionCluster(cluster, sts);
    }

    /// <summary>What this cluster's grain storage saw.</summary>
    public StorageProbe Storage => StorageProbe.For(Cluster.Options.ServiceId);

    public Task StartIngestionAsync() => Grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).StartAsync();

    public Task<ScanSummary> SummaryAsync() => LiveSummary.BuildAsync(Grains);

    public Task<AccountStatus> AccountAsync(string account) => Grains.GetGrain<IAccountGrain>(account).GetStatusAsync();

    /// <summary>Every prefix of every discovered account.</summary>
    public async Task<PrefixStatus[]> PrefixesAsync() => [.. (await OrganizationSnapshot.TakeAsync(Grains)).Prefixes];

    /// <summary>Waits until <paramref name="prefixes"/> prefixes have caught up having read (or quarantined) <paramref name="files"/> files, with nothing waiting for a retry or a delivery (events for a killed silo's grain wait for the next poll).</summary>
    public Task<PrefixStatus[]> CaughtUpAsync(int prefixes, int files) => Eventually.MatchesAsync(
        PrefixesAsync,
        all => all.Length == prefixes && all.All(p => p.CaughtUp && p.PendingRetries == 0 && p.UndeliveredBatches == 0) && all.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined) == files,
        $"{prefixes} prefixes have caught up with {files} files");

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Sts.Dispose();
    }
}
