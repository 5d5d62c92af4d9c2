using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>
/// Maps a notified object to the prefix grain that polls its key, or sets it aside: a bucket that is not configured
/// (<see cref="NotificationSetAsideReasons.ForeignBucket"/>), a key outside the trail layout
/// (<see cref="NotificationSetAsideReasons.NotTrailKey"/>), a digest (<see cref="NotificationSetAsideReasons.DigestFile"/>:
/// digests are listed, not notified), a key under another bucket prefix or organization than the bucket's configured ones
/// (<see cref="NotificationSetAsideReasons.OutsideTrailPrefix"/>), an excluded account
/// (<see cref="NotificationSetAsideReasons.ExcludedAccount"/>). Pure; bucket names and ids match ordinally.
/// </summary>
/// <remarks>
/// The prefix key is built the way discovery builds it (<c>AccountDiscovery</c>, <c>AccountGrain</c>): the configured
/// bucket's name and prefix, the organization id of the key (none for the plain <c>AWSLogs/ACCOUNT/</c> layout, which is
/// always read), the account and the region, so a notification reaches the grain discovery starts, never a new one.
/// </remarks>
public sealed class NotificationKeyRouter
{
    private const int MaxQuotedChars = 80;

    private readonly Dictionary<string, List<TrailBucketOptions>> _buckets;
    private readonly HashSet<string> _excluded;

    public NotificationKeyRouter(IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _buckets = options.Buckets.GroupBy(b => b.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _excluded = new HashSet<string>(options.ExcludedAccounts, StringComparer.Ordinal);
    }

    public NotificationRoute Route(NotifiedObject notified)
    {
        var (bucket, key) = notified;
        if (!_buckets.TryGetValue(bucket, out var configured))
        {
            return NotificationRoute.SetAside(key, NotificationSetAsideReasons.ForeignBucket, $"bucket {Quote(bucket)} is not configured (Ingestion:Buckets)");
        }

        if (!TrailKey.TryParse(key, out var parsed, out var why))
        {
            return NotificationRoute.SetAside(key, NotificationSetAsideReasons.NotTrailKey, "not a trail log key: " + Quote(why));
        }

        if (parsed.Kind == TrailFileKind.Digest)
        {
            return NotificationRoute.SetAside(key, NotificationSetAsideReasons.DigestFile, "a digest file (digests are listed, not notified)");
        }

        var root = parsed.Root;
        var trail = configured.Find(b => b.Prefix == root.BucketPrefix && (b.OrganizationId is null || root.OrganizationId is null || b.OrganizationId == root.OrganizationId));
        if (trail is null)
        {
            return NotificationRoute.SetAside(key, NotificationSetAsideReasons.OutsideTrailPrefix, $"under {Quote(root.AccountsPrefix)}, not the configured prefix or organization of bucket {Quote(bucket)}");
        }

        if (_excluded.Contains(parsed.AccountId))
        {
            return NotificationRoute.SetAside(key, NotificationSetAsideReasons.ExcludedAccount, $"account {parsed.AccountId} is excluded (Ingestion:ExcludedAccounts)");
        }

        var location = new TrailLocation(trail.Name, trail.Prefix, root.OrganizationId);
        return NotificationRoute.To(new TrailPrefixKey(location, parsed.AccountId, parsed.Region), key, parsed.Timestamp.UtcDateTime);
    }

    /// <summary>A short printable copy of a value from the message (bucket and key are the sender's to choose).</summary>
    private static string Quote(string value)
    {
        var cut = value.Length > MaxQuotedChars ? value[..MaxQuotedChars] + "…" : value;
        return "'" + string.Concat(cut.Select(c => c is >= ' ' and <= '~' or '…' ? c : '?')) + "'";
    }
}
