namespace PinpointAggregator.Cli.Remote;

/// <summary>Which pages a list command reads: from <paramref name="PageToken"/>, <paramref name="PageSize"/> at a time, until <paramref name="Limit"/> rows (null: to the end).</summary>
internal sealed record PageRequest(int PageSize, string PageToken, int? Limit);
