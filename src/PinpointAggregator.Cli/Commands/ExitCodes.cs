namespace PinpointAggregator.Cli.Commands;

/// <summary>Process exit codes, documented in docs/scan.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad arguments or a path that does not exist.</summary>
    public const int UsageError = 1;

    /// <summary>The scan finished, but some files were rejected (listed in <c>failed_files</c>).</summary>
    public const int SomeFilesFailed = 3;
}
