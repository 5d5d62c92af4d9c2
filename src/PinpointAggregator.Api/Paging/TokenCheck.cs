namespace PinpointAggregator.Api.Paging;

/// <summary>What checking a token found: its position, or why it is refused (worded for the client).</summary>
internal readonly record struct TokenCheck(byte[]? Position, string? Problem)
{
    public static TokenCheck Valid(byte[] position) => new(position, null);

    public static TokenCheck Refused(string problem) => new(null, problem);
}
