namespace PinpointAggregator.Api.Validation;

/// <summary>Fixed bounds on request fields (the configurable ones are in <see cref="ApiOptions"/>); docs/api.md lists them.</summary>
internal static class RequestLimits
{
    /// <summary>Values in one repeated filter field.</summary>
    public const int MaxValuesPerField = 100;

    /// <summary>Length of one filter value (an action, an error code, a source IP).</summary>
    public const int MaxValueLength = 256;

    /// <summary>Length of a caller (an ARN can be long).</summary>
    public const int MaxCallerLength = 2048;

    /// <summary>Length of <c>name_contains</c>.</summary>
    public const int MaxNameContains = 200;

    public const int MinTextLength = 3;

    public const int MaxTextLength = 200;

    /// <summary>Length of a pause's reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Length of a resource id in a history request.</summary>
    public const int MaxResourceIdLength = 1024;

    /// <summary>Top callers of the organization summary.</summary>
    public const int DefaultTopCallers = 10;

    public const int MaxTopCallers = 100;

    /// <summary>Days of the organization summary's events by day when the request leaves it 0.</summary>
    public const int DefaultSummaryDays = 30;
}
