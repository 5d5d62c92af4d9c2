using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Aws.S3;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Aws;

/// <summary>
/// Opens each configured bucket: a local folder when the bucket has a <c>LocalPath</c>, otherwise S3 with
/// the account's credentials. One S3 client per credential source, reused for every bucket it reads.
/// </summary>
public sealed class TrailObjectStoreFactory(
    IOptions<IngestionOptions> ingestion,
    IOptions<AwsOptions> aws,
    AccountCredentialsProvider credentials) : ITrailObjectStoreFactory, IDisposable
{
    private const string LocalFolder = "local folder";
    private readonly ConcurrentDictionary<object, AmazonS3Client> _clients = new();
    private readonly object _ambient = new();

    public ITrailObjectStore Open(string bucket, string? account)
    {
        var options = Bucket(bucket);
        if (options.LocalPath is { } path)
        {
            return new LocalFolderObjectStore(path);
        }

        var source = credentials.For(account);
        return new S3TrailObjectStore(_clients.GetOrAdd((object?)source ?? _ambient, _ => CreateClient(source)), bucket);
    }

    public string DescribeCredentials(string bucket, string? account) =>
        Bucket(bucket).LocalPath is null ? credentials.Describe(account) : LocalFolder;

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private TrailBucketOptions Bucket(string bucket) =>
        ingestion.Value.Buckets.FirstOrDefault(b => b.Name == bucket)
        ?? throw new TrailStoreException(TrailStoreErrorKind.NotFound, "UnknownBucket", $"Bucket '{bucket}' is not configured under {IngestionOptions.SectionName}:Buckets.");

    private AmazonS3Client CreateClient(AWSCredentials? source)
    {
        var options = aws.Value;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,

            // Checksums on every request cost CPU and break some S3-compatible servers; S3 verifies uploads anyway.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.S3ServiceUrl is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = options.Region;
        }
        else if (options.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return source is null ? new AmazonS3Client(config) : new AmazonS3Client(source, config);
    }
}
