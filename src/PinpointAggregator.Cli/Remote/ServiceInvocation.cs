using Google.Protobuf;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Output;

namespace PinpointAggregator.Cli.Remote;

/// <summary>One run of a service command: its connection, where it prints, and in which format.</summary>
internal sealed class ServiceInvocation(string command, ServiceConnection connection, TextWriter output, TextWriter error, OutputFormat format, bool wide)
{
    /// <summary>The command's name as messages start with it: <c>apps show</c>.</summary>
    public string Command { get; } = command;

    public ServiceConnection Connection { get; } = connection;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public OutputFormat Format { get; } = format;

    public bool Wide { get; } = wide;

    /// <summary>Rows as a table or CSV, or <paramref name="message"/> as JSON.</summary>
    public void Print<T>(IMessage message, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        switch (Format)
        {
            case OutputFormat.Json:
                ProtoJson.Write(Out, message);
                break;
            case OutputFormat.Csv:
                CsvText.Write(Out, columns, rows);
                break;
            default:
                TextTable.Write(Out, columns, rows, Wide);
                break;
        }
    }

    /// <summary>A note for the person at the terminal, on standard error so it never mixes with the data.</summary>
    public void Note(string text) => Error.WriteLine($"{Command}: {text}");
}
