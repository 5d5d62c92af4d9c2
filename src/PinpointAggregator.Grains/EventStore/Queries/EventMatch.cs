namespace PinpointAggregator.Grains.EventStore.Queries;

/// <summary>
/// An <see cref="EventQuery"/> as a predicate over stored events, for the in-memory store (the PostgreSQL
/// store translates the same rules to SQL). The resource id of a channel row is its channel type.
/// </summary>
internal sealed class EventMatch
{
    private readonly EventQuery _query;
    private readonly HashSet<string>? _accounts;
    private readonly HashSet<string> _regions;
    private readonly HashSet<string> _applications;
    private readonly HashSet<string> _actions;
    private readonly HashSet<string> _callers;
    private readonly HashSet<string> _errorCodes;
    private readonly HashSet<string> _sourceIps;

    public EventMatch(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        _accounts = query.Accounts is null ? null : Set(query.Accounts);
        _regions = Set(query.Regions);
        _applications = Set(query.Applications);
        _actions = Set(query.Actions);
        _callers = Set(query.Callers);
        _errorCodes = Set(query.ErrorCodes);
        _sourceIps = Set(query.SourceIps);
    }

    public bool Matches(StoredEvent e)
    {
        var q = _query;
        return (_accounts is null || _accounts.Contains(e.Account))
            && In(_regions, e.Region)
            && In(_applications, e.ApplicationId)
            && In(_actions, e.EventName)
            && In(_callers, e.Caller)
            && In(_errorCodes, e.ErrorCode)
            && In(_sourceIps, e.SourceIp)
            && (q.From is not { } from || e.EventTime >= from)
            && (q.Until is not { } until || e.EventTime < until)
            && (q.ReadOnly is not { } readOnly || e.ReadOnly == readOnly)
            && (!q.ErrorsOnly || e.ErrorCode is not null)
            && (!q.WritesOnly || e.IsWrite)
            && (q.ResourceKind is null || string.Equals(e.ResourceKind, q.ResourceKind, StringComparison.Ordinal))
            && (q.ResourceId is null || string.Equals(e.ResourceId ?? e.Channel, q.ResourceId, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(q.Text) || (e.RequestParametersJson?.Contains(q.Text, StringComparison.OrdinalIgnoreCase) ?? false));
    }

    private static HashSet<string> Set(IReadOnlyCollection<string> values) => new(values, StringComparer.Ordinal);

    /// <summary>An empty set is no condition; a null value matches no non-empty set.</summary>
    private static bool In(HashSet<string> set, string? value) => set.Count == 0 || (value is not null && set.Contains(value));
}
