using Google.Protobuf;

namespace PinpointAggregator.Cli.Output;

/// <summary>Messages in protobuf's canonical JSON form (lowerCamelCase names, default values left out).</summary>
internal static class ProtoJson
{
    private static readonly JsonFormatter Indented = new(JsonFormatter.Settings.Default.WithIndentation("  "));
    private static readonly JsonFormatter OneLine = new(JsonFormatter.Settings.Default);

    /// <summary>One message, indented, for a command's whole result.</summary>
    public static void Write(TextWriter output, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Indented.Format(message));
    }

    /// <summary>One message on one line: a JSON Lines record of a stream.</summary>
    public static void WriteLine(TextWriter output, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(OneLine.Format(message));
    }
}
