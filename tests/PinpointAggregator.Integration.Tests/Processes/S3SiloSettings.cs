using System.Globalization;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Fakes;

namespace PinpointAggregator.Integration.Tests.Processes;

/// <summary>
/// What a silo process needs to read a bucket on s3rver as an operator would configure it: the bucket, a role
/// name for every account, the local STS, and short intervals so tests are quick (as <see cref="IngestionCluster"/>).
/// </summary>
internal static class S3SiloSettings
{
    public static Dictionary<string, string?> For(string bucket, LocalSts sts) => new()
    {
        ["Aws:Region"] = "us-east-1",
        ["Aws:S3ServiceUrl"] = TestServices.S3Endpoint,
        ["Aws:ForcePathStyle"] = "true",
        ["Aws:StsServiceUrl"] = sts.Url,
        ["Aws:Roles:RoleName"] = IngestionCluster.RoleName,
        ["Ingestion:Buckets:0:Name"] = bucket,
        ["Ingestion:StartFrom"] = new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        ["Ingestion:PollInterval"] = "00:00:01",
        ["Ingestion:MaxPollInterval"] = "00:00:02",
        ["Ingestion:DiscoveryInterval"] = "00:00:02",
        ["Ingestion:RetryBaseDelay"] = "00:00:00.200",
        ["Ingestion:MaxRetryDelay"] = "00:00:02",
    };

    /// <summary>The SDK's ambient credentials, which sign the AssumeRole calls, exactly as in production.</summary>
    public static Dictionary<string, string> Environment { get; } = new()
    {
        ["AWS_ACCESS_KEY_ID"] = LocalSts.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = LocalSts.AccessKey,
    };
}
