namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// The objects one message names, in message order, each once (CloudTrail and S3 may name a key twice), up to the
/// limit: past it the message is set aside whole rather than read in part.
/// </summary>
internal sealed class NotifiedObjectCollector(int maxObjects)
{
    private readonly List<NotifiedObject> _objects = [];
    private readonly HashSet<NotifiedObject> _seen = [];

    public IReadOnlyList<NotifiedObject> Objects => _objects;

    public int Count => _objects.Count;

    /// <summary>Adds an object unless already named; false when that would pass the limit.</summary>
    public bool TryAdd(NotifiedObject notified)
    {
        if (_seen.Contains(notified))
        {
            return true;
        }

        if (_objects.Count >= maxObjects)
        {
            return false;
        }

        _seen.Add(notified);
        _objects.Add(notified);
        return true;
    }

    /// <summary>The message understood: its objects, or <see cref="NotificationSetAsideReasons.NoObjects"/> when it named none.</summary>
    public ParsedNotification Result(NotificationShape shape) => _objects.Count == 0
        ? ParsedNotification.SetAside(NotificationSetAsideReasons.NoObjects, $"the message ({shape}) names no object")
        : new ParsedNotification(shape, _objects);

    public ParsedNotification TooMany(NotificationShape shape) =>
        ParsedNotification.SetAside(NotificationSetAsideReasons.TooManyObjects, $"the message ({shape}) names more than {maxObjects} objects");
}
