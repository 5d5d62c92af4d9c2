using System.Globalization;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>
/// A real Orleans test cluster on PostgreSQL: membership, grain state and reminders in the test's database,
/// reading a generated trail from a local folder. Clusters started on the same database and service id
/// share state, as a redeployed service does.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    public const string Bucket = "local-trail";

    private PostgresCluster(TestCluster cluster)
    {
        Cluster = cluster;
    }

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<PostgresCluster> StartAsync(TestDatabase database, string serviceId, short silos, string trailFolder)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = serviceId + "-cluster";
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:PinpointAggregator"] = database.ConnectionString,
            ["Ingestion:Buckets:0:Name"] = Bucket,
            ["Ingestion:Buckets:0:LocalPath"] = trailFolder,
            ["Ingestion:StartFrom"] = new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            ["Ingestion:PollInterval"] = "00:00:01",
            ["Ingestion:MaxPollInterval"] = "00:00:02",
            ["Ingestion:DiscoveryInterval"] = "00:00:02",
        }));
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new PostgresCluster(cluster);
    }

    /// <summary>What the host does on every start: make sure discovery runs (idempotent).</summary>
    public Task StartIngestionAsync() => Grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).StartAsync();

    public Task<ScanSummary> SummaryAsync() => LiveSummary.BuildAsync(Grains);

    public async Task<PrefixStatus[]> PrefixesAsync() => [.. (await OrganizationSnapshot.TakeAsync(Grains)).Prefixes];

    /// <summary>Waits until every prefix of <paramref name="trail"/> has caught up having read (or quarantined) all its log files.</summary>
    public Task<PrefixStatus[]> CaughtUpAsync(SampleTrail trail)
    {
        var files = trail.Files.Count(f => !f.Digest);
        var prefixes = trail.AccountIds.Count * trail.Regions.Count;
        return Eventually.MatchesAsync(
            PrefixesAsync,
            all => all.Length == prefixes && all.All(p => p.CaughtUp && p.PendingRetries == 0) && all.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined) == files,
            $"{prefixes} prefixes have caught up with {files} files");
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
