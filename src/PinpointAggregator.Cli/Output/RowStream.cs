using Google.Protobuf;

namespace PinpointAggregator.Cli.Output;

/// <summary>
/// Rows that arrive one at a time (an export, a watch), printed as they come: a fixed-width table, CSV,
/// or JSON Lines (one message per line). Each row is flushed, so a pipe sees it at once.
/// </summary>
internal sealed class RowStream<T>(TextWriter output, OutputFormat format, IReadOnlyList<Column<T>> columns, bool wide)
    where T : IMessage
{
    private readonly IReadOnlyList<Column<T>> _shown = format == OutputFormat.Csv || wide ? columns : columns.Where(c => !c.Detail).ToList();
    private bool _headerWritten;

    public void Write(T row)
    {
        switch (format)
        {
            case OutputFormat.Json:
                ProtoJson.WriteLine(output, row);
                break;
            case OutputFormat.Csv:
                WriteHeaderOnce();
                CsvText.WriteRow(output, _shown, row);
                break;
            default:
                WriteHeaderOnce();
                output.WriteLine(TextTable.FixedRow(_shown.Select(c => c.Value(row)).ToList(), Widths, Numeric));
                break;
        }

        output.Flush();
    }

    /// <summary>The header alone, for a result with no rows (JSON Lines has none).</summary>
    public void Finish()
    {
        if (format != OutputFormat.Json)
        {
            WriteHeaderOnce();
        }

        output.Flush();
    }

    private IReadOnlyList<int> Widths => _shown.Select(c => wide ? 0 : Math.Max(c.Width, c.Name.Length)).ToList();

    private IReadOnlyList<bool> Numeric => _shown.Select(c => c.Numeric).ToList();

    private void WriteHeaderOnce()
    {
        if (_headerWritten)
        {
            return;
        }

        _headerWritten = true;
        if (format == OutputFormat.Csv)
        {
            CsvText.WriteHeader(output, _shown);
        }
        else
        {
            output.WriteLine(TextTable.FixedRow(_shown.Select(c => c.Name.ToUpperInvariant()).ToList(), Widths, _shown.Select(_ => false).ToList()));
        }
    }
}
