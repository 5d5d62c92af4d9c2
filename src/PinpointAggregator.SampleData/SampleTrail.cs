using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.SampleData;

/// <summary>
/// A generated trail: where it is, its organization, its files and the summary it must produce. The ground
/// truth names failed files by key (relative to <see cref="Folder"/>) so that it is the same wherever it is written.
/// </summary>
public sealed record SampleTrail(string Folder, string OrganizationId, IReadOnlyList<string> AccountIds, IReadOnlyList<string> Regions, IReadOnlyList<SampleFile> Files, ScanSummary GroundTruth)
{
    public const string GroundTruthFileName = "ground_truth.json";
    public const string ManifestFileName = "manifest.json";
}
