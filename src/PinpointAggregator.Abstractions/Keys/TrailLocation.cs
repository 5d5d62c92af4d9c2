using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Abstractions.Keys;

/// <summary>
/// Where a trail is delivered: a configured bucket, the trail's optional key prefix, and the
/// organization id for an organization trail (empty prefix when none; null org id for the plain <c>AWSLogs/ACCOUNT/</c> layout).
/// </summary>
[GenerateSerializer, Immutable, Alias("pa.TrailLocation")]
public sealed record TrailLocation(
    [property: Id(0)] string Bucket,
    [property: Id(1)] string BucketPrefix,
    [property: Id(2)] string? OrganizationId)
{
    public TrailRoot Root => new(BucketPrefix, OrganizationId);

    public override string ToString() => $"{Bucket}/{Root.AccountsPrefix}";
}
