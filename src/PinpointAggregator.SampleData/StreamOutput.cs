namespace PinpointAggregator.SampleData;

/// <summary>What writing one account and region produced.</summary>
/// <param name="Files">Every file written (logs and digests), for the manifest.</param>
/// <param name="Logs">The logs written, with their records and storage damage, for the ground truth.</param>
/// <param name="Signatures">Each digest written (by key) and its signature as S3 would hold it.</param>
/// <param name="Findings">What a correct verifier reports for this account and region.</param>
internal sealed record StreamOutput(
    IReadOnlyList<SampleFile> Files,
    IReadOnlyList<(string Key, IReadOnlyList<SampleRecord> Records, MalformedKind? Kind)> Logs,
    IReadOnlyDictionary<string, string> Signatures,
    IReadOnlyList<ExpectedFinding> Findings);
