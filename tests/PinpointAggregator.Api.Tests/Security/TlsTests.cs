using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>An https endpoint serves the configured certificate: a client that trusts it talks, one that does not is refused.</summary>
[Collection(SecuredService.Name)]
public sealed class TlsTests(SecuredServiceFixture service)
{
    [Fact]
    public async Task ClientTrustingTheCertificate_IsServed_WithThatCertificate()
    {
        X509Certificate2? presented = null;
        var handler = service.Certificate.TrustingHandler();
        var trusts = handler.SslOptions.RemoteCertificateValidationCallback!;
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
        {
            presented ??= certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return trusts(sender, certificate, chain, errors);
        };
        using var channel = GrpcChannel.ForAddress(service.Address, new GrpcChannelOptions { HttpHandler = handler });

        var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
        Assert.NotNull(presented);
        Assert.Equal(service.Certificate.Certificate.Thumbprint, presented.Thumbprint);
        presented.Dispose();
    }

    [Fact]
    public async Task ClientThatDoesNotTrustTheCertificate_IsRefused()
    {
        // The system's trust store has never heard of the test's self-signed certificate.
        using var channel = GrpcChannel.ForAddress(service.Address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler() });

        var e = await Errors.CallFails(() => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync);

        // The TLS handshake itself fails (Grpc.Net.Client reports it as INTERNAL), before any request is sent.
        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Contains(Chain(e), x => x is System.Security.Authentication.AuthenticationException);
    }

    [Fact]
    public async Task PlaintextClient_IsRefused()
    {
        var plain = new UriBuilder(service.Address) { Scheme = Uri.UriSchemeHttp }.Uri;
        using var channel = GrpcChannel.ForAddress(plain);

        var e = await Errors.CallFails(() => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.NotEqual(StatusCode.OK, e.StatusCode);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
