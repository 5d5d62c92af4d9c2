using Microsoft.Extensions.Options;
using PinpointAggregator.Aws.Credentials;

namespace PinpointAggregator.Aws;

/// <summary>
/// Fails start-up with a message naming the option that is wrong, rather than letting every AssumeRole fail
/// later with a validation error from STS.
/// </summary>
public sealed class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    private const string Roles = $"{AwsOptions.SectionName}:Roles";
    private const string Allowed = "letters, digits and _+=,.@-";

    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roles = options.Roles;
        var errors = new List<string>();
        if (roles.Duration < TimeSpan.FromMinutes(15) || roles.Duration > TimeSpan.FromHours(12))
        {
            errors.Add($"{Roles}:Duration must be 15 minutes to 12 hours (STS's range); got {roles.Duration}.");
        }

        if (roles.HubRoleArn is not null && roles.Duration > TimeSpan.FromHours(1))
        {
            errors.Add($"{Roles}:Duration must be at most 1 hour with a HubRoleArn: STS limits chained role sessions to 1 hour; got {roles.Duration}.");
        }

        if (roles.RefreshBefore < TimeSpan.Zero)
        {
            errors.Add($"{Roles}:RefreshBefore must not be negative; got {roles.RefreshBefore}.");
        }

        // The placeholders are filled in and fitted at run time; the text around them is the operator's.
        var literal = StsNames.Literal(roles.SessionName ?? string.Empty);
        if (string.IsNullOrEmpty(roles.SessionName) || literal.Length > StsNames.MaxLength || !literal.All(StsNames.IsAllowed))
        {
            errors.Add($"{Roles}:SessionName must be up to {StsNames.MaxLength} {Allowed}, plus the placeholders {StsNames.SiloPlaceholder} and {StsNames.HostPlaceholder}; got '{roles.SessionName}'.");
        }

        if (roles.SourceIdentity is { Length: > 0 } source && !StsNames.IsValid(source))
        {
            errors.Add($"{Roles}:SourceIdentity must be {StsNames.MinLength} to {StsNames.MaxLength} {Allowed}, or empty to send none; got '{source}'.");
        }

        if (options.CloudTrailServiceUrl is { } cloudTrail && !IsHttpUrl(cloudTrail))
        {
            errors.Add($"{AwsOptions.SectionName}:CloudTrailServiceUrl must be an absolute http or https URL, or unset for the regional endpoints; got '{cloudTrail}'.");
        }

        if (options.SqsServiceUrl is { } sqs && !IsHttpUrl(sqs))
        {
            errors.Add($"{AwsOptions.SectionName}:SqsServiceUrl must be an absolute http or https URL, or unset for the regional endpoints; got '{sqs}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
