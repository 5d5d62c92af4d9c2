using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Trail.Events;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Deduplicates by event id before routing, so one event is one event wherever its deliveries resolve.
/// Deliveries that resolve to the grain already holding the event pass through (that grain deduplicates and
/// counts them); a delivery that supersedes the event but resolves elsewhere (a <c>CreateApp</c> addendum
/// naming the application its original did not) takes the original's contribution back from where it was
/// counted; one that does not supersede it is dropped here.
/// </summary>
/// <remarks>
/// The routes are kept for the late-arrival window (see <see cref="RouteEntry.KeyStamp"/>): an addendum that
/// moves its event to another grain more than a window after the original is counted at both.
/// </remarks>
internal sealed class EventRouter(Dictionary<string, RouteEntry> routes)
{
    public RoutedEvents Route(IEnumerable<(AuditEvent Event, DateTime KeyStamp)> deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var routed = new RoutedEvents();
        foreach (var (e, keyStamp) in deliveries)
        {
            var target = e.Target.ApplicationId;
            var supersedes = true;
            if (routes.TryGetValue(e.DeduplicationId, out var route))
            {
                supersedes = EventOrder.Supersedes(e.IsAddendum, e.Key.Time, e.EventId, route.IsAddendum, route.At, route.EventId);
                if (route.Target != target)
                {
                    // Either way, one of the two deliveries is the duplicate the scan counts.
                    routed.DuplicatesDropped++;
                    if (!supersedes)
                    {
                        continue;
                    }

                    routed.For(route.Target).Retractions.Add(new Retraction(e.DeduplicationId, e.Key.Time, e.EventId, e.IsAddendum));
                }
            }

            if (supersedes)
            {
                routes[e.DeduplicationId] = new RouteEntry(target, e.EventId, e.Key.Time, e.IsAddendum, keyStamp);
            }

            routed.For(target).Events.Add(e);
        }

        return routed;
    }

    /// <summary>Forgets routes of files stamped before <paramref name="from"/>, with the window's done keys.</summary>
    public void Forget(DateTime from)
    {
        foreach (var old in routes.Where(p => p.Value.KeyStamp < from).Select(p => p.Key).ToList())
        {
            routes.Remove(old);
        }
    }

    /// <summary>Forgets the routes of events set aside, so a re-read delivers them again.</summary>
    public void Forget(IEnumerable<AuditEvent> events)
    {
        foreach (var e in events)
        {
            if (routes.TryGetValue(e.DeduplicationId, out var route) && route.EventId == e.EventId)
            {
                routes.Remove(e.DeduplicationId);
            }
        }
    }
}
