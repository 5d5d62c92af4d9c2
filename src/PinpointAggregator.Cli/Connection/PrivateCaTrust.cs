using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PinpointAggregator.Cli.Connection;

/// <summary>
/// Trusts the CA certificates of a PEM file (<c>--ca-file</c>) besides the system's: a server certificate
/// is accepted when the system trusts it, or when it chains to one of these CAs and names the host.
/// </summary>
internal sealed class PrivateCaTrust
{
    private readonly X509Certificate2Collection _roots;

    private PrivateCaTrust(X509Certificate2Collection roots) => _roots = roots;

    /// <exception cref="UsageException">The file holds no PEM certificate.</exception>
    public static PrivateCaTrust Load(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"CA file {path} cannot be read: {e.Message}", e);
        }

        return roots.Count > 0 ? new PrivateCaTrust(roots) : throw new UsageException($"CA file {path} holds no PEM certificate");
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A name mismatch or a missing certificate is never excused; only an unknown root is, when it is ours.
        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var ours = new X509Chain();
        ours.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        ours.ChainPolicy.CustomTrustStore.AddRange(_roots);
        ours.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                ours.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return ours.Build(leaf);
    }
}
