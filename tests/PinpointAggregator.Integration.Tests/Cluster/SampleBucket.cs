using Amazon.S3;
using Amazon.S3.Model;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>A generated organization trail and a fresh s3rver bucket to upload it into, file by file.</summary>
internal sealed class SampleBucket : IDisposable
{
    private readonly string _folder;
    private readonly AmazonS3Client _s3 = TestServices.CreateS3Client();

    private SampleBucket(string folder, SampleTrail trail, string name)
    {
        (_folder, Trail, Name) = (folder, trail, name);
    }

    public SampleTrail Trail { get; }

    public string Name { get; }

    /// <summary>The log files (digests are not read).</summary>
    public IReadOnlyList<SampleFile> LogFiles => [.. Trail.Files.Where(f => !f.Digest)];

    public static async Task<SampleBucket> CreateAsync(SampleTrailOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("pa-bucket-").FullName;
        var trail = SampleTrailGenerator.Generate(folder, options);
        var bucket = new SampleBucket(folder, trail, "trail-" + Guid.NewGuid().ToString("N")[..12]);
        await bucket._s3.PutBucketAsync(bucket.Name);
        return bucket;
    }

    public async Task UploadAsync(IEnumerable<SampleFile> files)
    {
        foreach (var file in files)
        {
            await _s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Name,
                Key = file.Key,
                FilePath = Path.Combine(_folder, file.Key),

                // s3rver stores aws-chunked framing verbatim; send the body plainly.
                UseChunkEncoding = false,
            });
        }
    }

    /// <summary>Where a generated file is on disk.</summary>
    public string PathOf(SampleFile file) => Path.Combine(_folder, file.Key);

    /// <summary>The size of a generated file, as it will be stored.</summary>
    public long SizeOf(SampleFile file) => new FileInfo(PathOf(file)).Length;

    /// <summary>Stores an object that is not part of the generated trail.</summary>
    public async Task PutAsync(string key, byte[] body)
    {
        using var content = new MemoryStream(body, writable: false);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, InputStream = content, UseChunkEncoding = false });
    }

    public void Dispose()
    {
        _s3.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
