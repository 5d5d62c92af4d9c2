namespace PinpointAggregator.SampleData;

/// <summary>The content of <c>manifest.json</c>: every file written, and the findings a correct verifier reports.</summary>
public sealed record SampleManifest(IReadOnlyList<SampleFile> Files, IReadOnlyList<ExpectedFinding> ExpectedFindings);
