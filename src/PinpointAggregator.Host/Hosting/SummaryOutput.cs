namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// Where the first-pass summary is printed: standard output for the embedded default (a test may say
/// otherwise); nowhere for a configured organization, whose state is queried instead.
/// </summary>
public sealed class SummaryOutput(TextWriter? writer)
{
    public TextWriter? Writer { get; } = writer;
}
