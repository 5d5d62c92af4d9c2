using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Options;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Aws.S3;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Aws;

/// <summary>
/// Opens S3 buckets with each account's credentials. One S3 client per credential source, reused for every
/// bucket it reads.
/// </summary>
/// <remarks>
/// Every bucket given is read on S3: which buckets are configured, and which of them are local folders, is
/// the composition's choice (the host routes them), so this adapter knows only S3 and STS.
/// </remarks>
public sealed class S3TrailStoreFactory(IOptions<AwsOptions> aws, AccountCredentialsProvider credentials) : ITrailObjectStoreFactory, IDisposable
{
    private readonly ConcurrentDictionary<object, AmazonS3Client> _clients = new();
    private readonly object _ambient = new();

    public ITrailObjectStore Open(string bucket, string? account)
    {
        var source = credentials.For(account);
        return new S3TrailObjectStore(_clients.GetOrAdd((object?)source ?? _ambient, _ => CreateClient(source)), bucket);
    }

    /// <remarks>The same for every bucket: an account reads all of them with one role.</remarks>
    public string DescribeCredentials(string bucket, string? account) => credentials.Describe(account);

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

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
