namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>The S3 request kinds counted in status and metrics (S3 bills them differently).</summary>
public static class RequestKinds
{
    public const string List = "List";
    public const string Get = "Get";
}
