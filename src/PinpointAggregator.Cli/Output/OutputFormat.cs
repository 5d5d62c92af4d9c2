namespace PinpointAggregator.Cli.Output;

/// <summary>How a service command prints its result (<c>--output</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Aligned columns for people; long cells truncated unless <c>--wide</c>.</summary>
    Table,

    /// <summary>The response message in protobuf's JSON form (one object per line for streams).</summary>
    Json,

    /// <summary>A header line and one line per row, every column, RFC 4180 quoting.</summary>
    Csv,
}
