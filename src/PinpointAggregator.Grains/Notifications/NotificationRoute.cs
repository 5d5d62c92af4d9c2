using System.Diagnostics.CodeAnalysis;
using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>
/// Where one notified object goes: the prefix grain that owns its key, with the key and the time in its name; or, when
/// no prefix grain should read it, the reason it is set aside (one of <c>NotificationSetAsideReasons</c>' object reasons).
/// </summary>
/// <param name="Prefix">The prefix grain's key; <c>default</c> when set aside.</param>
/// <param name="Key">The object key, decoded, as the bucket lists it.</param>
/// <param name="Stamp">The UTC time in the key's name; <c>default</c> when set aside.</param>
/// <param name="SetAsideReason">Null when routed.</param>
/// <param name="Detail">Why it was set aside, short and bounded, for logs; null when routed.</param>
public sealed record NotificationRoute(TrailPrefixKey Prefix, string Key, DateTime Stamp, string? SetAsideReason = null, string? Detail = null)
{
    [MemberNotNullWhen(false, nameof(SetAsideReason), nameof(Detail))]
    public bool IsRouted => SetAsideReason is null;

    public static NotificationRoute To(TrailPrefixKey prefix, string key, DateTime stamp) => new(prefix, key, stamp);

    public static NotificationRoute SetAside(string key, string reason, string detail) => new(default, key, default, reason, detail);
}
