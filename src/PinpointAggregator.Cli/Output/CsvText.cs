namespace PinpointAggregator.Cli.Output;

/// <summary>
/// CSV as RFC 4180 has it (a field with a comma, quote, CR or LF is quoted, quotes doubled), lines ending in LF.
/// A field that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or CR) gets a leading apostrophe: trail fields (a user agent, a resource name, an error message) are written
/// by member accounts, and a governance team opens this output in a spreadsheet. Our own numbers are never negative.
/// Control and format characters are escaped as in tables (<see cref="TextCell.Printable"/>): CSV goes to
/// terminals too, where an ANSI or OSC sequence would act.
/// </summary>
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

    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = TextCell.Printable(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\n";
}
