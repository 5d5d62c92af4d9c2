using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Aws;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// The silo's <see cref="ITrailObjectStoreFactory"/>: opens each configured bucket from a local folder when it
/// has a <c>LocalPath</c>, otherwise on S3 through <see cref="S3TrailStoreFactory"/>.
/// </summary>
/// <remarks>
/// The choice lives in the composition so the AWS adapter knows only S3 and STS, and the trail library
/// only folders. A bucket that is not configured is refused, so a grain holding a stale location never
/// reads an arbitrary bucket.
/// </remarks>
public sealed class TrailStoreRouter(IOptions<IngestionOptions> ingestion, S3TrailStoreFactory s3) : ITrailObjectStoreFactory
{
    /// <summary>What <see cref="DescribeCredentials"/> reports for a local bucket: no credentials are involved.</summary>
    public const string LocalFolder = "local folder";

    public ITrailObjectStore Open(string bucket, string? account) =>
        Bucket(bucket).LocalPath is { } path ? new LocalFolderObjectStore(path) : s3.Open(bucket, account);

    public string DescribeCredentials(string bucket, string? account) =>
        Bucket(bucket).LocalPath is null ? s3.DescribeCredentials(bucket, account) : LocalFolder;

    private TrailBucketOptions Bucket(string bucket) =>
        ingestion.Value.Buckets.FirstOrDefault(b => b.Name == bucket)
        ?? throw new TrailStoreException(TrailStoreErrorKind.NotFound, "UnknownBucket", $"Bucket '{bucket}' is not configured under {IngestionOptions.SectionName}:Buckets.");
}
