namespace PinpointAggregator.Cli.Commands;

/// <summary>When <c>scan</c> draws its progress line.</summary>
internal enum ProgressMode
{
    /// <summary>Only when standard error is a terminal, so pipes and redirected output stay clean.</summary>
    Auto,
    Always,
    Never,
}
