namespace PinpointAggregator.Aws;

/// <summary>
/// How the service reaches AWS. Section <c>Aws</c>. Everything defaults to the SDK's own chains, so
/// <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL_STS</c> and the usual credential
/// sources work unchanged. CloudTrail's <c>ListPublicKeys</c> (digest public keys) goes to
/// <c>cloudtrail.REGION.amazonaws.com</c> of each digest's region unless <see cref="CloudTrailServiceUrl"/> is set.
/// </summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";

    /// <summary>The signing region for S3 and STS. Null: the SDK's region chain.</summary>
    public string? Region { get; set; }

    /// <summary>An S3-compatible endpoint. Null: the SDK's endpoint resolution.</summary>
    public string? S3ServiceUrl { get; set; }

    /// <summary>Path-style bucket addressing, which S3-compatible servers usually need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>An STS endpoint. Null: the SDK's endpoint resolution.</summary>
    public string? StsServiceUrl { get; set; }

    /// <summary>
    /// A CloudTrail endpoint for <c>ListPublicKeys</c> (tests, proxies). Null: each digest's regional endpoint. Requests
    /// are signed for the digest's region either way.
    /// </summary>
    public string? CloudTrailServiceUrl { get; set; }

    /// <summary>
    /// An SQS endpoint for the notification queues (tests, SQS-compatible servers). Null: each queue's regional endpoint
    /// (its region from <c>Ingestion:Notifications:Queues:N:Region</c>, else its URL, else <see cref="Region"/>).
    /// </summary>
    public string? SqsServiceUrl { get; set; }

    public RoleOptions Roles { get; init; } = new();
}
