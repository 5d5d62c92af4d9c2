using Amazon.S3;
using Amazon.S3.Model;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Integration.Tests;

/// <summary>A generated trail file survives the trip through a real S3-compatible server unchanged.</summary>
public sealed class S3RoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-s3-").FullName;
    private readonly AmazonS3Client _s3 = TestServices.CreateS3Client();

    [Fact]
    public async Task TrailFile_UploadedAndDownloaded_ReadsTheSameEvents()
    {
        var trail = SampleTrailGenerator.Generate(_folder, new SampleTrailOptions { Accounts = 1, Regions = 1, FilesPerDay = 4, MalformedFiles = 0, PinpointShare = 0.5 });
        var file = trail.Files.First(f => !f.Digest && f.PinpointRecords > 0);
        var bucket = await CreateBucketAsync();
        await UploadAsync(bucket, file.Key);

        using var response = await _s3.GetObjectAsync(bucket, file.Key);
        var fromS3 = AuditEventReader.Create().Read(response.ResponseStream);
        var fromDisk = AuditEventReader.Create().ReadFile(Path.Combine(_folder, file.Key));

        Assert.True(fromS3.Succeeded, fromS3.Error?.ToString());
        Assert.Equal(file.Records, fromS3.RecordsRead);
        Assert.Equal(fromDisk.Events, fromS3.Events);
    }

    [Fact]
    public async Task DelimiterListing_OfTheOrganizationLevel_FindsEveryAccount()
    {
        // CloudTrail keys are deep; S3 reports a common prefix for any object beneath it. The patched
        // s3rver (tests/services/patches) behaves the same, so discovery can be tested for real.
        var trail = SampleTrailGenerator.Generate(_folder, new SampleTrailOptions { Accounts = 3, Regions = 2, FilesPerDay = 1, MalformedFiles = 0, IncludeDigests = false });
        var bucket = await CreateBucketAsync();
        foreach (var file in trail.Files)
        {
            await UploadAsync(bucket, file.Key);
        }

        var root = new TrailRoot(string.Empty, trail.OrganizationId);
        var accounts = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = root.AccountsPrefix, Delimiter = "/" });
        var regions = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = root.RegionsPrefix(trail.AccountIds[0]), Delimiter = "/" });

        Assert.Equal(trail.AccountIds.Select(a => root.AccountsPrefix + a + "/").Order(StringComparer.Ordinal), (accounts.CommonPrefixes ?? []).Order(StringComparer.Ordinal));
        Assert.Equal(trail.Regions.Select(r => root.RegionPrefix(trail.AccountIds[0], r)).Order(StringComparer.Ordinal), (regions.CommonPrefixes ?? []).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        _s3.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> CreateBucketAsync()
    {
        var bucket = "trail-" + Guid.NewGuid().ToString("N")[..12];
        await _s3.PutBucketAsync(bucket);
        return bucket;
    }

    private async Task UploadAsync(string bucket, string key) => await _s3.PutObjectAsync(new PutObjectRequest
    {
        BucketName = bucket,
        Key = key,
        FilePath = Path.Combine(_folder, key),

        // s3rver stores aws-chunked framing verbatim; send the body plainly.
        UseChunkEncoding = false,
    });
}
