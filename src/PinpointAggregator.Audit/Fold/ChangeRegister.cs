namespace PinpointAggregator.Audit.Fold;

/// <summary>
/// Registers that keep the latest (or earliest) change by (time, event id): a commutative choice, so the
/// result is the same whatever order events arrive in. A replacement for the event a register already
/// holds (an addendum) always takes its place.
/// </summary>
internal static class ChangeRegister
{
    public static bool IsLater(Change? current, Change candidate) =>
        current is null || current.EventId == candidate.EventId || candidate.CompareTo(current) > 0;

    public static bool IsEarlier(Change? current, Change candidate) =>
        current is null || current.EventId == candidate.EventId || candidate.CompareTo(current) < 0;
}
