using System.Diagnostics.CodeAnalysis;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Api.Resources;

/// <summary>The resource name of an application: <c>accounts/{account}/regions/{region}/applications/{application_id}</c>.</summary>
internal static class ApplicationName
{
    public static string Format(string account, string region, string applicationId) => $"accounts/{account}/regions/{region}/applications/{applicationId}";

    public static string Format(ApplicationKey key) => Format(key.Account, key.Region, key.ApplicationId);

    /// <returns>False, with what is wrong, when <paramref name="name"/> is not a well-formed application name.</returns>
    public static bool TryParse(string? name, out ApplicationKey key, [NotNullWhen(false)] out string? problem)
    {
        key = default;
        var parts = (name ?? string.Empty).Split('/');
        if (parts is not ["accounts", var account, "regions", var region, "applications", var app])
        {
            problem = "must be accounts/{account}/regions/{region}/applications/{application_id}";
            return false;
        }

        problem = !TrailNames.IsAccountId(account) ? "the account must be a 12-digit AWS account id"
            : !TrailNames.IsRegion(region) ? "the region must be an AWS region name such as us-east-1"
            : !PinpointNames.IsApplicationId(app) ? "the application id must be 1 to 64 ASCII letters and digits"
            : null;
        if (problem is not null)
        {
            return false;
        }

        key = new ApplicationKey(account, region, app);
        return true;
    }
}
