using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// What the event store must hold, found without the service: every log file of the sample folder read with
/// the offline reader, one event per target and deduplication id (an addendum superseding its original, by
/// <see cref="EventOrder.Supersedes(AuditEvent, AuditEvent)"/>), filed under the trail's account and region.
/// Its counts agree with the generator's ground truth (checked by <see cref="OracleTests"/>); it adds what the
/// ground truth does not record: callers, days, raw JSON, resources.
/// </summary>
internal sealed class TrailOracle
{
    private TrailOracle(IReadOnlyList<ExpectedEvent> events) => Events = events;

    public IReadOnlyList<ExpectedEvent> Events { get; }

    public static TrailOracle Read(string folder)
    {
        var reader = AuditEventReader.Create();
        var kept = new Dictionary<(string Target, string Id), ExpectedEvent>();
        var files = new Dictionary<(string Target, string Id), List<string>>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json.gz", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!TrailKey.TryParse(key, out var parsed, out _) || parsed.Kind != TrailFileKind.Log)
            {
                continue;
            }

            var result = reader.ReadFile(path);
            if (result.Error is not null)
            {
                continue;
            }

            foreach (var e in result.Events)
            {
                var expected = new ExpectedEvent(e, parsed.AccountId, parsed.Region);
                var id = (expected.Target, e.DeduplicationId);
                if (!kept.TryGetValue(id, out var before) || EventOrder.Supersedes(e, before.Event))
                {
                    kept[id] = expected;
                }

                if (!files.TryGetValue(id, out var keys))
                {
                    files[id] = keys = [];
                }

                keys.Add(key);
            }
        }

        return new TrailOracle([.. kept.Select(k => k.Value with { Files = files[k.Key] })]);
    }

    /// <summary>Counts per key, for comparing with the service's maps.</summary>
    public static Dictionary<string, long> CountBy(IEnumerable<ExpectedEvent> events, Func<ExpectedEvent, string?> key) =>
        events.Select(key).OfType<string>().GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
}

/// <summary>One event the store must hold, and the account and region of the trail that delivered it.</summary>
internal sealed record ExpectedEvent(AuditEvent Event, string Account, string Region)
{
    /// <summary>The files that delivered the event (a duplicate is in two); the store names one of them.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public string? ApplicationId => Event.Target.ApplicationId;

    public string Target => ApplicationId is { } app ? $"{Account}/{Region}/{app}" : Account;

    public DateTime Time => Event.EventTime.UtcDateTime;
}
