using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Audit;

namespace PinpointAggregator.Grains.Tests.Audit;

/// <summary>One application's audit state and seen-set, with events applied as the grain applies them.</summary>
internal sealed class AuditFold(int recentLimit = 50)
{
    public ApplicationAudit Audit { get; } = new() { Account = "111122223333", Region = "us-east-1", ApplicationId = "app1" };

    public Dictionary<string, EventStamp> Seen { get; } = new(StringComparer.Ordinal);

    public List<ApplyOutcome> Apply(IEnumerable<AuditEvent> events) =>
        [.. events.Select(e => ApplicationAuditor.Apply(Audit, Seen, e, recentLimit))];

    public static ApplicationAudit Of(IEnumerable<AuditEvent> events, int recentLimit = 50)
    {
        var fold = new AuditFold(recentLimit);
        fold.Apply(events);
        return fold.Audit;
    }
}
