namespace PinpointAggregator.Cli.Output;

/// <summary>CSV as RFC 4180 has it (a field with a comma, quote, CR or LF is quoted, quotes doubled), lines ending in LF.</summary>
internal static class CsvText
{
    public static void Write<T>(TextWriter output, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteHeader(output, columns);
        foreach (var row in rows)
        {
            WriteRow(output, columns, row);
        }
    }

    public static void WriteHeader<T>(TextWriter output, IReadOnlyList<Column<T>> columns) =>
        output.Write(Line(columns.Select(c => c.Name)));

    public static void WriteRow<T>(TextWriter output, IReadOnlyList<Column<T>> columns, T row) =>
        output.Write(Line(columns.Select(c => c.Value(row))));

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\n";
}
