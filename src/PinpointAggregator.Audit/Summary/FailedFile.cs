namespace PinpointAggregator.Audit.Summary;

/// <summary>A file the scan rejected, with the reader's typed reason.</summary>
public sealed record FailedFile(string Path, string Kind, string Reason, int RecordsReadBeforeError);
