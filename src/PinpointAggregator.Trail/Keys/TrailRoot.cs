using System.Globalization;

namespace PinpointAggregator.Trail.Keys;

/// <summary>
/// Where a trail writes in its bucket: the optional bucket prefix the trail sets, and the organization id
/// for organization trails. It builds every listing prefix a reader needs.
/// </summary>
/// <remarks>
/// Layout: <c>[prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/</c>. In an organization trail
/// the management account's own logs can also appear without the <c>o-ORGID/</c> level; such a root is a
/// separate <see cref="TrailRoot"/> with a null <see cref="OrganizationId"/>.
/// </remarks>
/// <param name="BucketPrefix">The trail's S3 key prefix without a trailing slash; empty when none.</param>
/// <param name="OrganizationId">The <c>o-...</c> id for organization trails; null otherwise.</param>
public readonly record struct TrailRoot(string BucketPrefix, string? OrganizationId)
{
    /// <summary>The root of a trail with no bucket prefix and no organization level.</summary>
    public static TrailRoot Default => new(string.Empty, null);

    /// <summary>The <c>[prefix/]AWSLogs/[o-id/]</c> level; a delimiter listing of it discovers accounts.</summary>
    public string AccountsPrefix =>
        (BucketPrefix.Length == 0 ? string.Empty : BucketPrefix + "/")
        + "AWSLogs/"
        + (OrganizationId is null ? string.Empty : OrganizationId + "/");

    /// <summary>The per-account <c>CloudTrail/</c> level; a delimiter listing of it discovers regions.</summary>
    public string RegionsPrefix(string accountId) => AccountsPrefix + accountId + "/CloudTrail/";

    /// <summary>Everything one account and region has written.</summary>
    public string RegionPrefix(string accountId, string region) => RegionsPrefix(accountId) + region + "/";

    /// <summary>One UTC day of one account and region: the unit a poll lists.</summary>
    public string DayPrefix(string accountId, string region, DateOnly day) =>
        RegionPrefix(accountId, region) + day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);

    /// <summary>Every digest one account and region has written (<c>ACCOUNT/CloudTrail-Digest/REGION/</c>).</summary>
    public string DigestRegionPrefix(string accountId, string region) => AccountsPrefix + accountId + "/CloudTrail-Digest/" + region + "/";

    /// <summary>One UTC day of one account's and region's digests; as a <c>StartAfter</c> it lists from that day on.</summary>
    public string DigestDayPrefix(string accountId, string region, DateOnly day) =>
        DigestRegionPrefix(accountId, region) + day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A <c>StartAfter</c> value for listing <see cref="RegionPrefix"/>: it sorts just before every log key
    /// of this account and region stamped at or after <paramref name="time"/> (to the minute) and after
    /// every earlier one. The day path is part of it, so one listing runs across day and month ends.
    /// </summary>
    public string LogKeysFrom(string accountId, string region, DateTimeOffset time) =>
        DayPrefix(accountId, region, DateOnly.FromDateTime(time.UtcDateTime)) + TrailKey.LogFileStem(accountId, region, time);
}
