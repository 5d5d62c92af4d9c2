namespace PinpointAggregator.Api.Security;

/// <summary>How roles are written in configuration and tokens: <c>viewer</c>, <c>operator</c> (any case).</summary>
internal static class ApiRoleNames
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";

    public static bool TryParse(string? value, out ApiRole role)
    {
        if (string.Equals(value, Operator, StringComparison.OrdinalIgnoreCase))
        {
            role = ApiRole.Operator;
            return true;
        }

        role = ApiRole.Viewer;
        return string.Equals(value, Viewer, StringComparison.OrdinalIgnoreCase);
    }

    public static string Of(ApiRole role) => role == ApiRole.Operator ? Operator : Viewer;
}
