using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PinpointAggregator.Api.Security;

/// <summary>Loads the certificate of <see cref="ApiTlsOptions"/>; errors name the option, never the password.</summary>
internal static class ServerCertificate
{
    /// <exception cref="InvalidOperationException">The files are missing or do not hold a certificate with its private key.</exception>
    public static X509Certificate2 Load(ApiTlsOptions tls)
    {
        var path = tls.CertificatePath ?? throw new InvalidOperationException($"{ApiTlsOptions.SectionName}:CertificatePath is required for an https:// Api:Url.");
        RequireFile(path, "CertificatePath");
        if (tls.KeyPath is not null)
        {
            RequireFile(tls.KeyPath, "KeyPath");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = tls.IsPkcs12
                ? X509CertificateLoader.LoadPkcs12FromFile(path, tls.Password)
                : tls.Password is null
                    ? X509Certificate2.CreateFromPemFile(path, tls.KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, tls.Password, tls.KeyPath);
        }
        catch (CryptographicException e)
        {
            // The runtime's messages describe the file's content (a wrong password, no key), not the password.
            throw new InvalidOperationException($"{ApiTlsOptions.SectionName}:CertificatePath '{path}' could not be loaded with its key: {e.Message}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{ApiTlsOptions.SectionName}:CertificatePath '{path}' holds no private key.");
        }

        return certificate;
    }

    private static void RequireFile(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{ApiTlsOptions.SectionName}:{option} '{path}' does not exist.");
        }
    }
}
