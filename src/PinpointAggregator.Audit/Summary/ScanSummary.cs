namespace PinpointAggregator.Audit.Summary;

/// <summary>
/// The result of an offline scan: per-application counts, account-level events, rejected files and
/// totals. Serialized by <see cref="ScanSummaryJson"/>; the format is documented in docs/scan.md.
/// </summary>
public sealed class ScanSummary
{
    public SortedDictionary<string, ApplicationSummary> Applications { get; } = new(StringComparer.Ordinal);

    public NoApplicationSummary NoApplicationId { get; } = new();

    public List<FailedFile> FailedFiles { get; } = [];

    public ScanTotals Totals { get; } = new();
}
