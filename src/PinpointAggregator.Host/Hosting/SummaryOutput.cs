namespace PinpointAggregator.Host.Hosting;

/// <summary>Where the embedded default prints its first-pass summary: standard output, unless a test says otherwise.</summary>
public sealed class SummaryOutput(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;
}
