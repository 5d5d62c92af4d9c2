namespace PinpointAggregator.Api.Security;

/// <summary>What a caller may do: read (<see cref="Viewer"/>), or also act on ingestion (<see cref="Operator"/>).</summary>
public enum ApiRole
{
    Viewer,
    Operator,
}
