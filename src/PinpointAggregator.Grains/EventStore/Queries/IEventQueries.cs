namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// Reads the event store: searches and histories in time order with keyset paging, one event by id, counts
/// by day, and the feed of newly stored events that a watch follows. Implemented by the in-memory store (the
/// embedded default) and the PostgreSQL store; the API validates and scopes every query before it gets here.
/// </summary>
/// <remarks>
/// Every read is bounded by its <c>limit</c> and served from an index (PostgreSQL), never a scan of the
/// whole store. The cancellation token stops the database query.
/// </remarks>
public interface IEventQueries
{
    /// <summary>
    /// Up to <paramref name="limit"/> events matching <paramref name="query"/>, ordered by (time, event id,
    /// target), descending when <paramref name="descending"/>, strictly after <paramref name="after"/>.
    /// Whether to read the raw request and response JSON is <paramref name="includeRaw"/>.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> SearchAsync(EventQuery query, EventPosition? after, bool descending, int limit, bool includeRaw, CancellationToken cancellationToken);

    /// <summary>Every stored row with this event id (normally one; a forged id may appear under several targets), raw JSON included.</summary>
    Task<IReadOnlyList<StoredEvent>> FindAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Matching events per UTC day in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    Task<IReadOnlyList<(DateOnly Day, long Events)>> CountByDayAsync(IReadOnlyCollection<string>? accounts, DateTime from, DateTime until, CancellationToken cancellationToken);

    /// <summary>
    /// The feed position of "now": a watch that starts here sees every event stored after this call. On
    /// PostgreSQL it may also see a few stored just before it, by transactions that were still ending.
    /// </summary>
    Task<FeedCursor> FeedHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Events stored after <paramref name="after"/> that match <paramref name="query"/>, in store order, at
    /// most <paramref name="limit"/>, and the cursor to continue from. The cursor advances past rows that do
    /// not match too, and never past a row whose transaction could still commit, so a reader that always
    /// continues from the returned cursor sees every stored event exactly once, whichever silo stored it.
    /// An event replaced by its addendum is stored again and so appears again, in its new version.
    /// </summary>
    Task<FeedPage> ReadFeedAsync(EventQuery query, FeedCursor after, int limit, bool includeRaw, CancellationToken cancellationToken);
}
