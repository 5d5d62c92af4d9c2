using System.Diagnostics.CodeAnalysis;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Abstractions.Keys;

/// <summary>
/// Identifies a trail prefix grain: one account and region of one trail location. Formatted as the bucket
/// and the region's key prefix, <c>BUCKET/[prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/</c>, so
/// the key reads as the S3 location it polls.
/// </summary>
public readonly record struct TrailPrefixKey(TrailLocation Location, string Account, string Region)
{
    private const string Logs = "AWSLogs/";
    private const string CloudTrail = "CloudTrail";

    /// <summary>The key prefix this grain lists, inside its bucket.</summary>
    public string RegionPrefix => Location.Root.RegionPrefix(Account, Region);

    public string Format() => $"{Location.Bucket}/{RegionPrefix}";

    public override string ToString() => Format();

    public static TrailPrefixKey Parse(string value) =>
        TryParse(value, out var key) ? key : throw new FormatException($"'{value}' is not a trail prefix key (BUCKET/[prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/).");

    public static bool TryParse(string? value, [NotNullWhen(true)] out TrailPrefixKey key)
    {
        key = default;
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var logs = value?.LastIndexOf(Logs, StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || logs <= slash || !value!.EndsWith('/') || (logs > slash + 1 && value[logs - 1] != '/'))
        {
            return false;
        }

        var parts = value[(logs + Logs.Length)..^1].Split('/');
        var organization = parts.Length == 4 ? parts[0] : null;
        if (parts.Length is not (3 or 4) || parts[^2] != CloudTrail || !TrailNames.IsAccountId(parts[^3]) || !TrailNames.IsRegion(parts[^1])
            || (organization is not null && !TrailNames.IsOrganizationId(organization)))
        {
            return false;
        }

        var bucketPrefix = logs > slash + 1 ? value[(slash + 1)..(logs - 1)] : string.Empty;
        key = new(new TrailLocation(value[..slash], bucketPrefix, organization), parts[^3], parts[^1]);
        return true;
    }
}
