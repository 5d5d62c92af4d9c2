namespace PinpointAggregator.Abstractions.Options;

/// <summary>One bucket the organization's trails deliver into.</summary>
public sealed class TrailBucketOptions
{
    /// <summary>The S3 bucket name (for a local folder, any name that identifies it).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The trail's S3 key prefix, without a trailing slash. Empty when the trail sets none.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// The organization id (<c>o-...</c>) to read. Null reads every organization found under
    /// <c>AWSLogs/</c>; the plain <c>AWSLogs/ACCOUNT/</c> layout is always read too.
    /// </summary>
    public string? OrganizationId { get; set; }

    /// <summary>Read this folder (same layout as the bucket) instead of S3. For demos, tests, offline use.</summary>
    public string? LocalPath { get; set; }
}
