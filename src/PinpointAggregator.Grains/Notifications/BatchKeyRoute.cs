namespace PinpointAggregator.Grains.Notifications;

/// <summary>Where one notified object goes: a prefix grain with the key's time, or aside with a reason.</summary>
/// <param name="Prefix">The prefix grain's key (<c>TrailPrefixKey.Format()</c>); null when set aside.</param>
/// <param name="Stamp">The UTC time in the key's name.</param>
/// <param name="SetAsideReason">One of <c>NotificationSetAsideReasons</c>' object reasons; null when routed.</param>
public readonly record struct BatchKeyRoute(string? Prefix, DateTime Stamp, string? SetAsideReason)
{
    public static BatchKeyRoute To(string prefix, DateTime stamp) => new(prefix, stamp, null);

    public static BatchKeyRoute Aside(string reason) => new(null, default, reason);
}
