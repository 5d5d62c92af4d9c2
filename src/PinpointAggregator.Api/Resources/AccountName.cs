using System.Diagnostics.CodeAnalysis;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Api.Resources;

/// <summary>The resource name of an account: <c>accounts/{account}</c>.</summary>
internal static class AccountName
{
    public static string Format(string account) => $"accounts/{account}";

    /// <returns>False, with what is wrong, when <paramref name="name"/> is not a well-formed account name.</returns>
    public static bool TryParse(string? name, [NotNullWhen(true)] out string? account, [NotNullWhen(false)] out string? problem)
    {
        account = null;
        if ((name ?? string.Empty).Split('/') is not ["accounts", var id])
        {
            problem = "must be accounts/{account}";
            return false;
        }

        if (!TrailNames.IsAccountId(id))
        {
            problem = "the account must be a 12-digit AWS account id";
            return false;
        }

        (account, problem) = (id, null);
        return true;
    }
}
