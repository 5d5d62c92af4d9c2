using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;

namespace PinpointAggregator.Audit.Tests.Fold;

/// <summary>One application's audit state and seen-set, with events applied as the grain applies them.</summary>
internal sealed class AuditFold(int recentLimit = 50)
{
    public ApplicationAuditState Audit { get; } = new() { Account = "111122223333", Region = "us-east-1", ApplicationId = "app1" };

    public Dictionary<string, EventStamp> Seen { get; } = new(StringComparer.Ordinal);

    public List<ApplyOutcome> Apply(IEnumerable<AuditEvent> events) =>
        [.. events.Select(e => ApplicationAuditor.Apply(Audit, Seen, e, recentLimit))];

    public List<ApplyOutcome> Apply(IEnumerable<TestEvent> events) => Apply(events.Select(e => (AuditEvent)e));

    public static ApplicationAuditState Of(IEnumerable<TestEvent> events, int recentLimit = 50) => Of(events.Select(e => (AuditEvent)e), recentLimit);

    public static ApplicationAuditState Of(IEnumerable<AuditEvent> events, int recentLimit = 50)
    {
        var fold = new AuditFold(recentLimit);
        fold.Apply(events);
        return fold.Audit;
    }
}
