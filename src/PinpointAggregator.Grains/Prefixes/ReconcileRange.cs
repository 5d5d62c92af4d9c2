namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// What one reconcile lists, by key name-time: [<see cref="ListFrom"/>, <see cref="Until"/>). Keys from
/// <see cref="ReadFrom"/> on that were never done are read; older ones (the report band) are reported as missed.
/// </summary>
/// <param name="ListFrom">The first name-time listed: the read range less the report band, never before the done-key store knew the prefix.</param>
/// <param name="ReadFrom">The first name-time read: the horizon plus one reconcile interval behind the newest key.</param>
/// <param name="Until">The late-arrival window's start: the polls list everything from there on. In notification mode, whose polls list no window, the newest keys.</param>
internal readonly record struct ReconcileRange(DateTime ListFrom, DateTime ReadFrom, DateTime Until)
{
    public bool IsEmpty => ListFrom >= Until;
}
