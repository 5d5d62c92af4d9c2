namespace PinpointAggregator.Api.Security;

/// <summary>
/// The certificate of an <c>https://</c> endpoint (section <c>Api:Tls</c>): a PEM certificate (chain) with its
/// private key in <see cref="KeyPath"/> (or in the same file), or a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>).
/// <see cref="Password"/> opens an encrypted key or a PKCS#12 file; give it by environment
/// (<c>Api__Tls__Password</c>) or a secret store rather than a file in the repository.
/// </summary>
public sealed class ApiTlsOptions
{
    public const string SectionName = "Api:Tls";

    /// <summary>PEM certificate, or a <c>.pfx</c>/<c>.p12</c> file.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of a PEM certificate; default: the certificate file itself.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of an encrypted PEM key or of a PKCS#12 file.</summary>
    public string? Password { get; set; }

    public bool IsConfigured => CertificatePath is not null;

    public bool IsPkcs12 =>
        Path.GetExtension(CertificatePath) is { } extension
        && (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase));
}
