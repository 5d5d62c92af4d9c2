using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PinpointAggregator.Aws;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Trail.Storage;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// The production S3 store against s3rver: listings carry each object's size, and an object streams from
/// the response body into the reader without being buffered whole.
/// </summary>
public sealed class S3StoreRoundTripTests : IAsyncLifetime, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private SampleBucket _bucket = null!;
    private AccountCredentialsProvider _credentials = null!;
    private S3TrailStoreFactory _factory = null!;

    public async Task InitializeAsync()
    {
        // No role configured: the store signs with the SDK's ambient chain, which s3rver's key satisfies.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "S3RVER");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "S3RVER");
        _bucket = await SampleBucket.CreateAsync(new SampleTrailOptions { Seed = 82, Accounts = 1, Regions = 1, FilesPerDay = 4, MalformedFiles = 0, PinpointShare = 0.5 });
        var aws = new AwsOptions { Region = "us-east-1", S3ServiceUrl = TestServices.S3Endpoint, ForcePathStyle = true };
        _credentials = new AccountCredentialsProvider(Options.Create(aws), TimeProvider.System, new AwsMetrics(_services.GetRequiredService<IMeterFactory>()));
        _factory = new S3TrailStoreFactory(Options.Create(aws), _credentials);
    }

    private ITrailObjectStore Store => _factory.Open(_bucket.Name, account: null);

    [Fact]
    public async Task Listing_GivesEachObjectsStoredSize()
    {
        await _bucket.UploadAsync(_bucket.LogFiles);

        var listed = (await Store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None)).Objects;

        Assert.Equal(
            _bucket.LogFiles.Select(f => (f.Key, _bucket.SizeOf(f))).OrderBy(f => f.Key, StringComparer.Ordinal),
            listed.Select(o => (o.Key, o.Size)));
    }

    [Fact]
    public async Task OpenRead_StreamsTheResponseBodyIntoTheReader()
    {
        var file = _bucket.LogFiles.First(f => f.PinpointRecords > 0);
        await _bucket.UploadAsync([file]);

        TrailReadResult<AuditEvent> fromS3;
        await using (var body = await Store.OpenReadAsync(file.Key, CancellationToken.None))
        {
            // The network body itself, not a copy: it cannot seek and does not know a length.
            Assert.False(body.CanSeek);
            Assert.Throws<NotSupportedException>(() => body.Length);
            fromS3 = AuditEventReader.Create().Read(body);
        }

        var fromDisk = AuditEventReader.Create().ReadFile(_bucket.PathOf(file));
        Assert.True(fromS3.Succeeded, fromS3.Error?.ToString());
        Assert.Equal(fromDisk.Events, fromS3.Events);
        Assert.Equal(_bucket.SizeOf(file), fromS3.CompressedBytes);
    }

    [Fact]
    public async Task OpenRead_StoppedEarlyAndDisposed_LeavesTheStoreUsable()
    {
        // A download the size guard stops is disposed before its end; the client must go on working.
        var bytes = new byte[512 * 1024];
        new Random(82).NextBytes(bytes);
        await _bucket.PutAsync("big/object", bytes);

        for (var i = 0; i < 12; i++)
        {
            using var guarded = new SizeLimitedStream(await Store.OpenReadAsync("big/object", CancellationToken.None), 1024);
            Assert.Throws<IOException>(() => guarded.CopyTo(Stream.Null));
            Assert.True(guarded.LimitExceeded);
        }

        await using var whole = await Store.OpenReadAsync("big/object", CancellationToken.None);
        using var copy = new MemoryStream();
        await whole.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task OpenWithMetadata_GivesTheObjectsUserMetadata_FromTheSameGet()
    {
        var key = "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/digest.json.gz";
        using (var s3 = TestServices.CreateS3Client())
        {
            var put = new Amazon.S3.Model.PutObjectRequest { BucketName = _bucket.Name, Key = key, ContentBody = "digest", UseChunkEncoding = false };
            put.Metadata.Add("signature", "0a1b2c3d");
            await s3.PutObjectAsync(put);
        }

        using var opened = await Store.OpenWithMetadataAsync(key, CancellationToken.None);
        using var text = new StreamReader(opened.Content);

        Assert.Equal("digest", await text.ReadToEndAsync());
        Assert.Equal(new Dictionary<string, string> { ["signature"] = "0a1b2c3d" }, opened.Metadata);
    }

    [Fact]
    public async Task OpenWithMetadata_OfAMissingKey_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<TrailStoreException>(() => Store.OpenWithMetadataAsync("AWSLogs/none.json.gz", CancellationToken.None));

        Assert.Equal((TrailStoreErrorKind.NotFound, "NoSuchKey"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task OpenRead_OfAMissingKey_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<TrailStoreException>(() => Store.OpenReadAsync("AWSLogs/none.json.gz", CancellationToken.None));

        Assert.Equal((TrailStoreErrorKind.NotFound, "NoSuchKey"), (error.Kind, error.Code));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _factory?.Dispose();
        _credentials?.Dispose();
        _bucket?.Dispose();
        _services.Dispose();
    }
}
