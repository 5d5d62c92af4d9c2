using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Security;

namespace PinpointAggregator.Api.Hosting;

/// <summary>
/// Fails start-up, naming the option, when the endpoint would be less safe than configured or could not
/// start: an https URL without a loadable certificate, a certificate on an http URL (TLS that is not there),
/// or plain HTTP/2 on an address other machines reach without <c>Api:AllowPlaintext=true</c>.
/// </summary>
internal sealed class ApiEndpointValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.KeepAlive.Validate() is { } keepAlive)
        {
            errors.Add(keepAlive);
        }

        if (!ApiEndpoint.TryParse(options.Url, out var endpoint, out var problem))
        {
            errors.Add(problem);
            return ValidateOptionsResult.Fail(errors);
        }

        var tls = options.Tls;
        if (endpoint.Tls)
        {
            if (!tls.IsConfigured)
            {
                errors.Add($"{ApiOptions.SectionName}:Url is https://, so {ApiTlsOptions.SectionName}:CertificatePath must name the server's certificate (PEM with {ApiTlsOptions.SectionName}:KeyPath, or a .pfx with {ApiTlsOptions.SectionName}:Password).");
            }
            else
            {
                try
                {
                    using var certificate = ServerCertificate.Load(tls);
                }
                catch (InvalidOperationException e)
                {
                    errors.Add(e.Message);
                }
            }
        }
        else
        {
            if (tls.IsConfigured)
            {
                errors.Add($"{ApiTlsOptions.SectionName}:CertificatePath is set but {ApiOptions.SectionName}:Url is http://, which would serve no TLS: use https://, or remove the certificate.");
            }

            if (!endpoint.IsLoopback && !options.AllowPlaintext)
            {
                errors.Add($"{ApiOptions.SectionName}:Url {options.Url} serves plain HTTP/2 on an address other machines reach: use https:// with {ApiTlsOptions.SectionName}:CertificatePath, or set {ApiOptions.SectionName}:AllowPlaintext=true when a proxy in front terminates TLS.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
