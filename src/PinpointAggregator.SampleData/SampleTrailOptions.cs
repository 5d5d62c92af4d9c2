namespace PinpointAggregator.SampleData;

/// <summary>
/// Shape of a generated organization trail. Same options and seed give byte-identical files.
/// </summary>
public sealed record SampleTrailOptions
{
    public int Seed { get; init; } = 1;

    public int Accounts { get; init; } = 3;

    /// <summary>Regions per account, taken from a fixed list starting with us-east-1.</summary>
    public int Regions { get; init; } = 2;

    public int Days { get; init; } = 1;

    public DateOnly Start { get; init; } = new(2024, 6, 1);

    /// <summary>Log files per account, region and day (CloudTrail delivers about every 5 minutes).</summary>
    public int FilesPerDay { get; init; } = 12;

    /// <summary>Mean records per file; each file gets between 1 and twice this, less one.</summary>
    public int RecordsPerFile { get; init; } = 40;

    /// <summary>Share of records that are Amazon Pinpoint events (the rest are other services and decoys).</summary>
    public double PinpointShare { get; init; } = 0.3;

    public int ApplicationsPerAccountRegion { get; init; } = 3;

    public double PinpointErrorShare { get; init; } = 0.05;

    /// <summary>Share of records delivered again, byte for byte, in the next file of the same account and region.</summary>
    public double DuplicateShare { get; init; } = 0.01;

    /// <summary>Share of Pinpoint records re-sent later with an <c>addendum</c> (UPDATED_DATA).</summary>
    public double AddendumShare { get; init; } = 0.005;

    /// <summary>Share of files delivered late: their key time is hours after the events they hold.</summary>
    public double LateFileShare { get; init; } = 0.03;

    /// <summary>Share of records written with alphabetically sorted keys (as in the AWS documentation).</summary>
    public double SortedKeyShare { get; init; } = 0.05;

    /// <summary>Share of Pinpoint records that keep SDK-style wrappers (<c>CampaignResponse</c>, ...).</summary>
    public double WrappedShare { get; init; } = 0.05;

    /// <summary>Number of corrupted files; the kinds cycle through <see cref="MalformedKind"/>.</summary>
    public int MalformedFiles { get; init; } = 5;

    /// <summary>
    /// Write CloudTrail's hourly digests per account and region (default true): contiguous hours covering every
    /// delivery, each listing the logs delivered in it with their SHA-256, chained and signed with the samples' test key
    /// (the same for every seed, its private key derivable from the code); the public key (<see cref="SampleTrail.PublicKeyFileName"/>) and every signature
    /// (<see cref="SampleTrail.SignaturesFileName"/>) are written beside <c>AWSLogs/</c>.
    /// </summary>
    public bool IncludeDigests { get; init; } = true;

    /// <summary>
    /// List the late logs (<see cref="LateFileShare"/>) in <c>_backfill</c> digests, a chain of their own over the
    /// hours from the first late delivery to the last, instead of in the hourly chain (default false).
    /// </summary>
    public bool BackfillDigests { get; init; }

    /// <summary>The bucket the digests say they and the logs were written to (<c>digestS3Bucket</c>, <c>s3Bucket</c>); part of every signature.</summary>
    public string Bucket { get; init; } = DefaultBucket;

    /// <summary>Integrity damages, each applied once (a kind may repeat); needs digests. Default none.</summary>
    public IReadOnlyList<TrailDamage> Damage { get; init; } = [];

    /// <summary>The bucket name of the sample, also the embedded default's.</summary>
    public const string DefaultBucket = "sample-organization-trail";

    /// <summary>Sizing for the benchmark corpus: about 150 MB of uncompressed JSON per day.</summary>
    public static SampleTrailOptions Benchmark(int days) => new()
    {
        Seed = 42, Accounts = 10, Regions = 4, Days = days, FilesPerDay = 24, RecordsPerFile = 110,
        PinpointShare = 0.1, DuplicateShare = 0.001, MalformedFiles = 0, LateFileShare = 0, IncludeDigests = false,
    };

    public void Validate()
    {
        if (Accounts < 1 || Regions < 1 || Regions > SampleOrganization.RegionNames.Length || Days < 1 || FilesPerDay < 1 || RecordsPerFile < 1)
        {
            throw new ArgumentException($"accounts, days, files per day and records per file must be positive; regions 1..{SampleOrganization.RegionNames.Length}");
        }

        if (string.IsNullOrWhiteSpace(Bucket) || Bucket.Length > 255)
        {
            throw new ArgumentException("the bucket name must have 1 to 255 characters");
        }

        if (Damage.Count > 0 && !IncludeDigests)
        {
            throw new ArgumentException("integrity damage needs digests: do not turn them off");
        }
    }
}
