namespace PinpointAggregator.Cli.Connection;

/// <summary>The connection options as given on the command line (null when not given).</summary>
internal sealed record ConnectionFlags(string? Address = null, string? Token = null, string? TokenFile = null, string? Config = null, string? CaFile = null, string? Timeout = null);
