using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Fails start-up, naming the option, for authentication that would not work as written: malformed keys,
/// unknown roles or account groups, incomplete JWT settings, and a non-loopback endpoint that nobody
/// authenticates on unless <c>Api:Auth:Mode=None</c> says so explicitly.
/// </summary>
internal sealed class ApiAuthOptionsValidator : IValidateOptions<ApiOptions>
{
    private const string Section = ApiAuthOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var auth = options.Auth;
        var errors = new List<string>();
        if (auth.Mode == ApiAuthMode.None)
        {
            if (auth.AnyConfigured)
            {
                errors.Add($"{Section}:Mode is None, which would ignore the ApiKeys and Jwt configured: remove them, or remove Mode.");
            }

            return Result(errors);
        }

        ValidateGroups(auth, errors);
        ValidateKeys(auth, errors);
        if (auth.Jwt.IsConfigured)
        {
            ValidateJwt(auth.Jwt, errors);
        }

        if (!auth.AnyConfigured && ApiEndpoint.TryParse(options.Url, out var endpoint, out _) && !endpoint.IsLoopback)
        {
            errors.Add($"{ApiOptions.SectionName}:Url {options.Url} is reachable from other machines and no authentication is configured: "
                + $"add {Section}:ApiKeys (pinpoint-audit api-key create) or {Section}:Jwt, or set {Section}:Mode=None to let anyone who reaches the port act as an operator (dangerous).");
        }

        return Result(errors);
    }

    private static void ValidateGroups(ApiAuthOptions auth, List<string> errors)
    {
        foreach (var (group, accounts) in auth.AccountGroups)
        {
            if (!AccountGroupName.IsValid(group))
            {
                errors.Add($"{Section}:AccountGroups:{group}: a group name is 1 to {AccountGroupName.MaxLength} letters, digits, '-', '_' and '.'.");
            }

            if (accounts.Count == 0)
            {
                errors.Add($"{Section}:AccountGroups:{group} lists no account.");
            }

            AccountIds($"{Section}:AccountGroups:{group}", accounts, errors);
        }
    }

    private static void ValidateKeys(ApiAuthOptions auth, List<string> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < auth.ApiKeys.Count; i++)
        {
            var key = auth.ApiKeys[i];
            var at = $"{Section}:ApiKeys:{i}";
            if (key.Id is null || !ApiKey.IsValidId(key.Id))
            {
                errors.Add($"{at}:Id must be 1 to {ApiKey.MaxIdLength} lower-case letters, digits and '-'; got '{key.Id}'.");
            }
            else if (!ids.Add(key.Id))
            {
                errors.Add($"{at}:Id '{key.Id}' is the id of an earlier key too; ids must be unique.");
            }

            // Never quote the value: a secret pasted here by mistake must not reach a log.
            if (!ApiKeyHash.TryParse(key.Hash, out _))
            {
                errors.Add($"{at}:Hash must be the {ApiKeyHash.Scheme}$salt$digest that 'pinpoint-audit api-key create' prints (never the key itself).");
            }

            if (!ApiRoleNames.TryParse(key.Role, out _))
            {
                errors.Add($"{at}:Role must be '{ApiRoleNames.Viewer}' or '{ApiRoleNames.Operator}'; got '{key.Role}'.");
            }

            AccountIds($"{at}:Accounts", key.Accounts, errors);
            foreach (var group in key.Groups.Where(g => !auth.AccountGroups.Keys.Contains(g, StringComparer.OrdinalIgnoreCase)))
            {
                errors.Add($"{at}:Groups names '{group}', which {Section}:AccountGroups does not define.");
            }
        }
    }

    private static void ValidateJwt(JwtAuthOptions jwt, List<string> errors)
    {
        const string At = $"{Section}:Jwt";
        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            errors.Add($"{At}:Audience is required: the 'aud' this service's tokens carry.");
        }

        if (jwt.Authority is not null && jwt.SigningKeys.Count > 0)
        {
            errors.Add($"{At}: set either Authority (keys from OpenID Connect discovery) or SigningKeys, not both.");
        }

        if (jwt.Authority is not null)
        {
            if (!Uri.TryCreate(jwt.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"{At}:Authority must be an absolute https:// URL; got '{jwt.Authority}'.");
            }
            else if (authority.Scheme == Uri.UriSchemeHttp && jwt.RequireHttpsMetadata)
            {
                errors.Add($"{At}:Authority must be https:// (keys fetched over plain HTTP could be replaced); {At}:RequireHttpsMetadata=false allows http for a test authority.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(jwt.Issuer))
            {
                errors.Add($"{At}:Issuer is required with SigningKeys: the 'iss' tokens must carry.");
            }

            for (var i = 0; i < jwt.SigningKeys.Count; i++)
            {
                try
                {
                    JwtSigningKeys.Load(jwt.SigningKeys[i], $"{At}:SigningKeys:{i}");
                }
                catch (InvalidOperationException e)
                {
                    errors.Add(e.Message);
                }
            }
        }

        foreach (var (option, claim) in new[] { ("RoleClaim", jwt.RoleClaim), ("AccountsClaim", jwt.AccountsClaim), ("GroupsClaim", jwt.GroupsClaim), ("SubjectClaim", jwt.SubjectClaim) })
        {
            if (string.IsNullOrWhiteSpace(claim))
            {
                errors.Add($"{At}:{option} must name a claim.");
            }
        }

        if (jwt.ClockSkew < TimeSpan.Zero || jwt.ClockSkew > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{At}:ClockSkew must be 0 to 10 minutes; got {jwt.ClockSkew}.");
        }
    }

    private static void AccountIds(string at, IEnumerable<string> accounts, List<string> errors)
    {
        foreach (var account in accounts.Where(a => !TrailNames.IsAccountId(a)))
        {
            errors.Add($"{at} has '{account}', which is not a 12-digit AWS account id.");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
