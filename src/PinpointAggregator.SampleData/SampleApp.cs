namespace PinpointAggregator.SampleData;

/// <summary>A Pinpoint application in the generated trail, with its life cycle and resources.</summary>
internal sealed record SampleApp(
    string Id,
    string Name,
    string Arn,
    DateTimeOffset? Created,
    DateTimeOffset? Deleted,
    IReadOnlyList<string> Campaigns,
    IReadOnlyList<string> Segments,
    IReadOnlyList<string> ImportJobs)
{
    public bool IsAlive(DateTimeOffset t) => (Created is null || Created <= t) && (Deleted is null || t < Deleted);
}
