namespace PinpointAggregator.Grains.Prefixes;

/// <summary>One batch after routing: a delivery per target grain, and the deliveries dropped as duplicates.</summary>
internal sealed class RoutedEvents
{
    private readonly Dictionary<string, PendingDelivery> _applications = new(StringComparer.Ordinal);
    private PendingDelivery? _account;

    public long DuplicatesDropped { get; set; }

    /// <summary>Every delivery, the account-level one (if any) first.</summary>
    public IEnumerable<PendingDelivery> Deliveries => _account is null ? _applications.Values : _applications.Values.Prepend(_account);

    /// <summary>The delivery for an application id, or for the account-level grain when null.</summary>
    public PendingDelivery For(string? target)
    {
        if (target is null)
        {
            return _account ??= new PendingDelivery();
        }

        if (!_applications.TryGetValue(target, out var delivery))
        {
            delivery = new PendingDelivery { Target = target };
            _applications.Add(target, delivery);
        }

        return delivery;
    }
}
