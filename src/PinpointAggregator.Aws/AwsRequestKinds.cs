namespace PinpointAggregator.Aws;

/// <summary>The AWS requests other than S3's and STS's that are counted (<see cref="AwsMetrics.Request"/>).</summary>
public static class AwsRequestKinds
{
    /// <summary>CloudTrail's <c>ListPublicKeys</c>, one per page.</summary>
    public const string ListPublicKeys = "ListPublicKeys";
}
