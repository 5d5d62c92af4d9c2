using PinpointAggregator.Audit.Events;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Grains.EventStore;

/// <summary>
/// The in-memory store's events as queries see them: ordered by position for searches, by a global
/// sequence for the feed, by event id for lookups. One lock guards all three, so a reader sees every
/// commit whole or not at all, and the sequence numbers a reader has passed are never handed out again.
/// </summary>
/// <remarks>
/// A row's deduplication id breaks the tie between two rows at one position (a forged event id can make
/// that happen), so no row hides another in the sorted sets.
/// </remarks>
internal sealed class MemoryEventLog
{
    private readonly Lock _lock = new();
    private readonly SortedSet<Row> _byPosition = new(Comparer<Row>.Create(ComparePositions));
    private readonly SortedSet<Row> _bySequence = new(Comparer<Row>.Create((a, b) => a.Sequence.CompareTo(b.Sequence)));
    private readonly Dictionary<(string Target, string DeduplicationId), Row> _byKey = [];
    private readonly Dictionary<string, List<Row>> _byEventId = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Replaces the target's rows of the released and kept deduplication ids; each kept event gets the next sequence number.</summary>
    public void Apply(AuditTarget target, IReadOnlyList<string> released, IReadOnlyList<AuditEvent> kept)
    {
        lock (_lock)
        {
            foreach (var id in released)
            {
                Remove(target.Key, id);
            }

            foreach (var e in kept)
            {
                Remove(target.Key, e.DeduplicationId);
                var row = new Row(++_sequence, e.DeduplicationId, StoredEvents.Of(target, e));
                _byPosition.Add(row);
                _bySequence.Add(row);
                _byKey[(target.Key, e.DeduplicationId)] = row;
                if (!_byEventId.TryGetValue(row.Event.EventId, out var rows))
                {
                    _byEventId[row.Event.EventId] = rows = [];
                }

                rows.Add(row);
            }
        }
    }

    public IReadOnlyList<StoredEvent> Search(EventQuery query, EventPosition? after, bool descending, int limit, bool includeRaw)
    {
        var match = new EventMatch(query);
        var found = new List<StoredEvent>(Math.Min(limit, 1024));
        lock (_lock)
        {
            if (limit <= 0 || _byPosition.Count == 0)
            {
                return found;
            }

            var low = query.From is { } from ? Probe(from) : _byPosition.Min!;
            var high = _byPosition.Max!;
            if (after is { } position)
            {
                // The probe sorts before every row at the position; rows at it are skipped below.
                var probe = Probe(position.EventTime, position.EventId, position.Target);
                (low, high) = descending ? (low, Min(high, probe)) : (Max(low, probe), high);
            }

            if (ComparePositions(low, high) > 0)
            {
                return found;
            }

            var range = _byPosition.GetViewBetween(low, high);
            foreach (var row in descending ? range.Reverse() : range)
            {
                if (after is { } cursor && (descending ? Compare(row, cursor) >= 0 : Compare(row, cursor) <= 0))
                {
                    continue;
                }

                if (!descending && query.Until is { } until && row.Event.EventTime >= until)
                {
                    break;
                }

                if (descending && query.From is { } since && row.Event.EventTime < since)
                {
                    break;
                }

                if (match.Matches(row.Event))
                {
                    found.Add(includeRaw ? row.Event : row.Event.WithoutRaw());
                    if (found.Count == limit)
                    {
                        break;
                    }
                }
            }
        }

        return found;
    }

    public IReadOnlyList<StoredEvent> Find(string eventId)
    {
        lock (_lock)
        {
            return _byEventId.TryGetValue(eventId, out var rows)
                ? [.. rows.OrderBy(r => r, Comparer<Row>.Create(ComparePositions)).Select(r => r.Event)]
                : [];
        }
    }

    public IReadOnlyList<(DateOnly Day, long Events)> CountByDay(IReadOnlyCollection<string>? accounts, DateTime from, DateTime until)
    {
        var match = new EventMatch(new EventQuery { Accounts = accounts, From = from, Until = until });
        var days = new SortedDictionary<DateOnly, long>();
        lock (_lock)
        {
            if (_byPosition.Count == 0 || from >= until)
            {
                return [];
            }

            var low = Max(Probe(from), _byPosition.Min!);
            var high = _byPosition.Max!;
            if (ComparePositions(low, high) > 0)
            {
                return [];
            }

            foreach (var row in _byPosition.GetViewBetween(low, high))
            {
                if (row.Event.EventTime >= until)
                {
                    break;
                }

                if (match.Matches(row.Event))
                {
                    var day = DateOnly.FromDateTime(row.Event.EventTime);
                    days[day] = days.GetValueOrDefault(day) + 1;
                }
            }
        }

        return [.. days.Select(d => (d.Key, d.Value))];
    }

    public FeedCursor Head()
    {
        lock (_lock)
        {
            return new FeedCursor(0, _sequence);
        }
    }

    public FeedPage ReadFeed(EventQuery query, FeedCursor after, int limit, bool includeRaw)
    {
        var match = new EventMatch(query);
        var found = new List<StoredEvent>(Math.Min(Math.Max(limit, 0), 1024));
        lock (_lock)
        {
            // Everything up to the last sequence handed out is here (commits take the lock to number their rows),
            // so a read that is not cut short by the limit has seen all of it.
            var scanned = limit > 0 ? Math.Max(after.Minor, _sequence) : after.Minor;
            if (limit > 0 && _bySequence.Count > 0 && after.Minor < _bySequence.Max!.Sequence)
            {
                var from = new Row(after.Minor + 1, string.Empty, null!);
                foreach (var row in _bySequence.GetViewBetween(from, _bySequence.Max!))
                {
                    if (match.Matches(row.Event))
                    {
                        // Each event carries its own resume point, so a watch can hand out a cursor with every event.
                        found.Add((includeRaw ? row.Event : row.Event.WithoutRaw()) with { FeedPosition = new FeedCursor(0, row.Sequence) });
                        if (found.Count == limit)
                        {
                            scanned = row.Sequence;
                            break;
                        }
                    }
                }
            }

            return new FeedPage(found, new FeedCursor(0, scanned));
        }
    }

    private void Remove(string target, string deduplicationId)
    {
        if (!_byKey.Remove((target, deduplicationId), out var row))
        {
            return;
        }

        _byPosition.Remove(row);
        _bySequence.Remove(row);
        var rows = _byEventId[row.Event.EventId];
        rows.Remove(row);
        if (rows.Count == 0)
        {
            _byEventId.Remove(row.Event.EventId);
        }
    }

    private static Row Probe(DateTime time, string eventId = "", string target = "") =>
        new(0, string.Empty, new StoredEvent
        {
            Target = target,
            EventId = eventId,
            EventTime = time,
            Account = string.Empty,
            EventSource = string.Empty,
            EventName = string.Empty,
            ResourceKind = string.Empty,
            Caller = string.Empty,
            IsWrite = false,
            IsAddendum = false,
        });

    private static Row Min(Row a, Row b) => ComparePositions(a, b) <= 0 ? a : b;

    private static Row Max(Row a, Row b) => ComparePositions(a, b) >= 0 ? a : b;

    private static int Compare(Row row, EventPosition position) => EventPositionOrder.Compare(row.Event.Position, position);

    private static int ComparePositions(Row a, Row b)
    {
        var byPosition = EventPositionOrder.Compare(a.Event.Position, b.Event.Position);
        return byPosition != 0 ? byPosition : string.CompareOrdinal(a.DeduplicationId, b.DeduplicationId);
    }

    private sealed record Row(long Sequence, string DeduplicationId, StoredEvent Event);
}
