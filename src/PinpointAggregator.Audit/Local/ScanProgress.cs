namespace PinpointAggregator.Audit.Local;

/// <summary>How far a scan has come.</summary>
public readonly record struct ScanProgress(int FilesDone, int FilesTotal, int FilesFailed, long DecompressedBytes, long EventsKept);
