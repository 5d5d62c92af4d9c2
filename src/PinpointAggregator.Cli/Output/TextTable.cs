namespace PinpointAggregator.Cli.Output;

/// <summary>
/// Aligned columns for a terminal: an upper-case header, cells padded to the widest of their column (numbers
/// right-aligned), two spaces between columns, no trailing spaces. Long cells are cut to <see cref="CellWidth"/>
/// unless the column is <see cref="Column{T}.Whole"/>.
/// </summary>
internal static class TextTable
{
    /// <summary>The widest a cell gets unless the command runs with <c>--wide</c>.</summary>
    public const int CellWidth = 48;

    private const string Gap = "  ";

    public static void Write<T>(TextWriter output, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows, bool wide)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shown = columns.Where(c => wide || !c.Detail).ToList();
        var cells = rows.Select(row => shown.Select(c => TextCell.Truncate(TextCell.Printable(c.Value(row)), wide || c.Whole ? 0 : CellWidth)).ToArray()).ToList();
        var headers = shown.Select(c => c.Name.ToUpperInvariant()).ToArray();
        var widths = headers.Select((h, i) => cells.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteLine(output, headers, widths, _ => false);
        foreach (var row in cells)
        {
            WriteLine(output, row, widths, i => shown[i].Numeric);
        }
    }

    /// <summary>Name and value pairs, one per line, names aligned (a record's fields).</summary>
    public static void WriteFields(TextWriter output, IEnumerable<(string Name, string Value)> fields)
    {
        ArgumentNullException.ThrowIfNull(output);
        var list = fields.ToList();
        var width = list.Count == 0 ? 0 : list.Max(f => f.Name.Length);
        foreach (var (name, value) in list)
        {
            output.WriteLine(string.IsNullOrEmpty(value) ? name : name.PadRight(width) + Gap + TextCell.Printable(value));
        }
    }

    /// <summary>One row of a table whose rows arrive one at a time: every cell padded or cut to its column's fixed width.</summary>
    public static string FixedRow(IReadOnlyList<string> cells, IReadOnlyList<int> widths, IReadOnlyList<bool> numeric)
    {
        var line = string.Join(Gap, cells.Select((cell, i) =>
        {
            var text = TextCell.Truncate(TextCell.Printable(cell), widths[i]);
            return numeric[i] ? text.PadLeft(widths[i]) : text.PadRight(widths[i]);
        }));
        return line.TrimEnd();
    }

    private static void WriteLine(TextWriter output, IReadOnlyList<string> cells, int[] widths, Func<int, bool> rightAligned)
    {
        var line = string.Join(Gap, cells.Select((cell, i) => rightAligned(i) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));
        output.WriteLine(line.TrimEnd());
    }
}
