namespace PinpointAggregator.Cli.Output;

/// <summary>One column of a table or CSV: its name (the CSV header; upper-cased in a table) and how a row fills it.</summary>
/// <param name="Name">Lower-case snake_case, as in the proto messages.</param>
/// <param name="Value">The cell's text for a row; empty when the row has none.</param>
/// <param name="Numeric">Right-aligned in a table.</param>
/// <param name="Detail">Only in CSV and in a <c>--wide</c> table, so the terminal view stays narrow.</param>
/// <param name="Width">The cell width of a streamed table (watch, export), whose rows cannot be measured first.</param>
/// <param name="Whole">Never cut in a table: the value is the point (an S3 key, a prefix) and a cut one is useless.</param>
internal sealed record Column<T>(string Name, Func<T, string> Value, bool Numeric = false, bool Detail = false, int Width = 20, bool Whole = false);
