using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>
/// One receive batch, without Orleans or SQS: parses each message, routes each object it names, groups the keys by
/// prefix grain (each key once, however many messages name it), and — given what the grains answered — says which
/// messages to delete, which to keep and what was set aside, by reason.
/// </summary>
/// <remarks>
/// The rules: a message set aside whole (the parser's reasons) is deleted at once; an object set aside by the router is
/// counted and does not hold its message; a message is deleted only when every key it names is
/// <see cref="NotifiedFileResult.Settled"/>; a grain call that failed keeps its messages (they come back after the
/// visibility timeout, however often: only SQS's redrive policy moves them to a dead-letter queue); a message received
/// <see cref="NotificationOptions.MaxReceives"/> times whose keys were all answered, some still waiting (a retry, a
/// pause), is deleted and set aside as <see cref="NotificationSetAsideReasons.TooManyReceives"/>: its keys wait in
/// their prefix's retry state, or its listing after the resume reads them. A message whose parse or routing throws (a bug, never a hostile body: the parser is
/// total) is kept likewise, and set aside at its last receive, so one bad message never blocks the queue.
/// </remarks>
public sealed class NotificationBatch
{
    private readonly List<QueueMessage> _deleteNow = [];
    private readonly List<(QueueMessage Message, List<(string Prefix, string Key)> Keys)> _waiting = [];
    private readonly List<QueueMessage> _faulted = [];
    private readonly List<(QueueMessage Message, Exception Error)> _faults = [];
    private readonly Dictionary<string, Dictionary<string, NotifiedFile>> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _setAside = new(StringComparer.Ordinal);
    private readonly int _maxReceives;

    private NotificationBatch(int maxReceives)
    {
        _maxReceives = maxReceives;
    }

    /// <summary>Messages with nothing to read (set aside whole, or every object set aside): delete them before the calls.</summary>
    public IReadOnlyList<QueueMessage> DeleteNow => _deleteNow;

    /// <summary>Messages whose keys the grains are asked for: their visibility is extended while the calls run.</summary>
    public IReadOnlyList<QueueMessage> Waiting => [.. _waiting.Select(w => w.Message)];

    /// <summary>The calls to make: each prefix grain's key, with its keys (each once, in the order first named).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<NotifiedFile>> Calls =>
        _calls.ToDictionary(c => c.Key, c => (IReadOnlyList<NotifiedFile>)[.. c.Value.Values], StringComparer.Ordinal);

    /// <summary>What planning set aside, by reason: messages for the parser's reasons, objects for the router's.</summary>
    public IReadOnlyDictionary<string, long> SetAside => _setAside;

    /// <summary>Messages whose parse or routing threw, with the error, for the log.</summary>
    public IReadOnlyList<(QueueMessage Message, Exception Error)> Faults => _faults;

    /// <summary>Distinct keys handed to prefix grains.</summary>
    public int KeysRouted => _calls.Values.Sum(c => c.Count);

    /// <param name="messages">One receive's messages.</param>
    /// <param name="options">The parser's bounds and <see cref="NotificationOptions.MaxReceives"/>.</param>
    /// <param name="route">Maps an object to its prefix grain, or a set-aside reason.</param>
    public static NotificationBatch Plan(IReadOnlyList<QueueMessage> messages, NotificationOptions options, Func<NotifiedObject, BatchKeyRoute> route)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(route);
        var batch = new NotificationBatch(options.MaxReceives);
        foreach (var message in messages)
        {
            try
            {
                batch.Add(message, options, route);
            }
            catch (Exception e)
            {
                batch._faulted.Add(message);
                batch._faults.Add((message, e));
            }
        }

        return batch;
    }

    /// <summary>
    /// Decides the batch from the grains' answers: <paramref name="answers"/> holds each prefix whose call returned; a
    /// prefix missing from it failed (threw, timed out), and its keys are waiting.
    /// </summary>
    public NotificationBatchOutcome Complete(IReadOnlyDictionary<string, IReadOnlyList<NotifiedFileResult>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var settled = new HashSet<(string Prefix, string Key)>();
        foreach (var (prefix, results) in answers)
        {
            foreach (var result in results.Where(r => r.Settled))
            {
                settled.Add((prefix, result.Key));
            }
        }

        var done = new List<QueueMessage>();
        var givenUp = new List<QueueMessage>();
        var keep = new List<QueueMessage>();
        var setAside = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (message, keys) in _waiting)
        {
            if (keys.All(settled.Contains))
            {
                done.Add(message);
            }
            else if (keys.Any(k => !answers.ContainsKey(k.Prefix)))
            {
                // A call that failed (the database away, a timeout) put nothing in any retry state: the message is the
                // keys' only record, so it is never given up here; SQS's redrive policy moves it after maxReceiveCount.
                keep.Add(message);
            }
            else
            {
                KeepOrGiveUp(message, givenUp, keep, setAside);
            }
        }

        foreach (var message in _faulted)
        {
            KeepOrGiveUp(message, givenUp, keep, setAside);
        }

        return new NotificationBatchOutcome(done, givenUp, keep, setAside);
    }

    private void KeepOrGiveUp(QueueMessage message, List<QueueMessage> givenUp, List<QueueMessage> keep, Dictionary<string, long> setAside)
    {
        if (message.ReceiveCount >= _maxReceives)
        {
            givenUp.Add(message);
            Count(setAside, NotificationSetAsideReasons.TooManyReceives);
        }
        else
        {
            keep.Add(message);
        }
    }

    private void Add(QueueMessage message, NotificationOptions options, Func<NotifiedObject, BatchKeyRoute> route)
    {
        var parsed = TrailNotificationParser.Parse(message.Body, options.MaxMessageBytes, options.MaxKeysPerMessage);
        if (parsed.SetAsideReason is { } messageReason)
        {
            Count(_setAside, messageReason);
            _deleteNow.Add(message);
            return;
        }

        // Routed first, counted after: a routing that throws half-way leaves no count behind, and the message is kept.
        var routes = parsed.Objects.Select(o => (Object: o, Route: route(o))).ToList();
        var keys = new List<(string Prefix, string Key)>();
        foreach (var (notified, where) in routes)
        {
            if (where.Prefix is not { } prefix)
            {
                Count(_setAside, where.SetAsideReason ?? NotificationSetAsideReasons.NotTrailKey);
                continue;
            }

            if (!_calls.TryGetValue(prefix, out var files))
            {
                _calls[prefix] = files = new Dictionary<string, NotifiedFile>(StringComparer.Ordinal);
            }

            // The earliest sending stands for a key named twice: latency runs from the first notice of the file.
            if (!files.TryGetValue(notified.Key, out var known) || message.SentAt < known.SentAt)
            {
                files[notified.Key] = new NotifiedFile(notified.Key, where.Stamp, message.SentAt);
            }

            keys.Add((prefix, notified.Key));
        }

        if (keys.Count == 0)
        {
            _deleteNow.Add(message);
        }
        else
        {
            _waiting.Add((message, keys));
        }
    }

    private static void Count(Dictionary<string, long> counts, string reason) => counts[reason] = counts.GetValueOrDefault(reason) + 1;
}
