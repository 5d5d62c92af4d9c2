using Microsoft.Extensions.Options;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Host;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>Every rule of the endpoint and authentication options fails start-up with a message naming the option.</summary>
public sealed class ApiOptionsValidationTests : IDisposable
{
    private static readonly string Hash = ApiKeyHash.Create(ApiKey.Generate().Secret).ToString();
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-validate-").FullName;
    private readonly TestCertificate _certificate;
    private readonly TestTokens _tokens = new();

    public ApiOptionsValidationTests() => _certificate = new TestCertificate(_folder);

    public static TheoryData<string, string> Bad => new()
    {
        { "plaintext-public", "Api:Url http://0.0.0.0:50051 serves plain HTTP/2 on an address other machines reach" },
        { "unauthenticated-public", "Api:Url https://0.0.0.0:50051 is reachable from other machines and no authentication is configured" },
        { "https-without-certificate", "Api:Url is https://, so Api:Tls:CertificatePath must name the server's certificate" },
        { "certificate-on-http", "Api:Tls:CertificatePath is set but Api:Url is http://" },
        { "certificate-missing", "Api:Tls:CertificatePath '/nonexistent/server.crt' does not exist." },
        { "certificate-garbage", "could not be loaded with its key" },
        { "url-not-http", "Api:Url must be an absolute http:// or https:// URL" },
        { "url-host-name", "Api:Url must name an IP address (such as 127.0.0.1 or 0.0.0.0) or localhost; got 'example.com'." },
        { "keepalive-interval", "Api:KeepAlive:PingInterval must be at least 1 second" },
        { "keepalive-timeout", "Api:KeepAlive:PingTimeout must be at least 1 second" },
        { "key-id", "Api:Auth:ApiKeys:0:Id must be 1 to 64 lower-case letters, digits and '-'; got 'Ops_1'." },
        { "key-id-missing", "Api:Auth:ApiKeys:0:Id must be 1 to 64" },
        { "key-id-duplicate", "Api:Auth:ApiKeys:1:Id 'ops' is the id of an earlier key too" },
        { "key-hash-is-a-key", "Api:Auth:ApiKeys:0:Hash must be the hmac-sha256$salt$digest that 'pinpoint-audit api-key create' prints" },
        { "key-role", "Api:Auth:ApiKeys:0:Role must be 'viewer' or 'operator'; got 'admin'." },
        { "key-account", "Api:Auth:ApiKeys:0:Accounts has '1234', which is not a 12-digit AWS account id." },
        { "key-unknown-group", "Api:Auth:ApiKeys:0:Groups names 'nope', which Api:Auth:AccountGroups does not define." },
        { "group-account", "Api:Auth:AccountGroups:team has 'abc', which is not a 12-digit AWS account id." },
        { "group-name", "Api:Auth:AccountGroups:a b: a group name is 1 to 64 letters, digits, '-', '_' and '.'." },
        { "group-empty", "Api:Auth:AccountGroups:team lists no account." },
        { "mode-none-with-keys", "Api:Auth:Mode is None, which would ignore the ApiKeys and Jwt configured" },
        { "jwt-audience", "Api:Auth:Jwt:Audience is required" },
        { "jwt-both", "Api:Auth:Jwt: set either Authority (keys from OpenID Connect discovery) or SigningKeys, not both." },
        { "jwt-issuer", "Api:Auth:Jwt:Issuer is required with SigningKeys" },
        { "jwt-short-key", "Api:Auth:Jwt:SigningKeys:0:SymmetricKey must be at least 32 bytes; it has 16." },
        { "jwt-key-not-base64", "Api:Auth:Jwt:SigningKeys:0:SymmetricKey must be base64." },
        { "jwt-key-two-sources", "Api:Auth:Jwt:SigningKeys:0 must set exactly one of PublicKeyPem, PublicKeyFile and SymmetricKey." },
        { "jwt-key-no-source", "Api:Auth:Jwt:SigningKeys:0 must set exactly one of PublicKeyPem, PublicKeyFile and SymmetricKey." },
        { "jwt-key-bad-pem", "Api:Auth:Jwt:SigningKeys:0 is not an RSA or EC public key in PEM" },
        { "jwt-key-file-missing", "Api:Auth:Jwt:SigningKeys:0:PublicKeyFile '/nonexistent/key.pem' does not exist." },
        { "jwt-authority-http", "Api:Auth:Jwt:Authority must be https://" },
        { "jwt-authority-not-url", "Api:Auth:Jwt:Authority must be an absolute https:// URL; got 'issuer'." },
        { "jwt-clock-skew", "Api:Auth:Jwt:ClockSkew must be 0 to 10 minutes" },
        { "jwt-role-claim", "Api:Auth:Jwt:RoleClaim must name a claim." },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void BadOptions_FailNamingTheOption(string @case, string expected)
    {
        var options = Configure(@case);

        var failures = Validate(options);

        Assert.Contains(failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ARawKeyPastedAsTheHash_IsNotQuotedInTheError()
    {
        var key = ApiKey.Generate();
        var options = new ApiOptions();
        options.Auth.ApiKeys.Add(new ApiKeyOptions { Id = key.Id, Hash = key.Format(), Role = "viewer" });

        var failures = Validate(options);

        Assert.NotEmpty(failures);
        Assert.DoesNotContain(failures, f => f.Contains(key.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void ShortSymmetricKey_IsNotQuotedInTheError()
    {
        var options = Configure("jwt-short-key");
        var secret = options.Auth.Jwt.SigningKeys[0].SymmetricKey!;

        Assert.DoesNotContain(Validate(options), f => f.Contains(secret, StringComparison.Ordinal));
    }

    public static TheoryData<string> Good => new()
    {
        "embedded-default",
        "public-mode-none",
        "public-https-keys",
        "public-plaintext-allowed-keys",
        "localhost",
        "jwt-ec-key-file",
        "jwt-rsa-key-and-symmetric",
        "jwt-authority",
        "group-case",
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void GoodOptions_Pass(string @case)
    {
        Assert.Empty(Validate(Configure(@case)));
    }

    [Fact]
    public void BuildingWithBadOptions_FailsBeforeListening_WithEveryFailure()
    {
        // Kestrel reads the validated options when the host is built, so nothing ever listens on such an endpoint.
        var e = Assert.Throws<OptionsValidationException>(() => ApiOnlyHost.Build(new Dictionary<string, string?>
        {
            ["Api:Url"] = "http://0.0.0.0:50051",
            ["Api:Auth:ApiKeys:0:Id"] = "ops",
            ["Api:Auth:ApiKeys:0:Hash"] = Hash,
            ["Api:Auth:ApiKeys:0:Role"] = "operator",
            ["Api:Auth:ApiKeys:0:Groups:0"] = "nope",
        }));

        Assert.Equal(2, e.Failures.Count());
        Assert.Contains(e.Failures, f => f.StartsWith("Api:Url http://0.0.0.0:50051 serves plain HTTP/2", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Api:Auth:ApiKeys:0:Groups names 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheService_OnAPublicAddressWithoutAuthentication_ExitsWithAConfigurationError()
    {
        var status = await PinpointProgram.RunAsync(
        [
            "--Api:Url=https://0.0.0.0:50051",
            $"--Api:Tls:CertificatePath={_certificate.CertificatePath}",
            $"--Api:Tls:KeyPath={_certificate.KeyPath}",
            $"--Embedded:SampleFolder={Path.Combine(_folder, "sample")}",
            $"--Silo:SiloPort={ApiOnlyHost.FreePort()}",
            $"--Silo:GatewayPort={ApiOnlyHost.FreePort()}",
        ]);

        Assert.Equal(PinpointProgram.ConfigurationError, status);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _tokens.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static List<string> Validate(ApiOptions options) =>
        new IValidateOptions<ApiOptions>[] { new ApiEndpointValidator(), new ApiAuthOptionsValidator() }
            .SelectMany(v => v.Validate(null, options).Failures ?? [])
            .ToList();

    private ApiOptions Configure(string @case)
    {
        var options = new ApiOptions();
        var auth = options.Auth;
        var jwt = auth.Jwt;
        void Key(string? id = "ops", string? hash = null, string role = "viewer") => auth.ApiKeys.Add(new ApiKeyOptions { Id = id, Hash = hash ?? Hash, Role = role });
        void Tls() => (options.Tls.CertificatePath, options.Tls.KeyPath) = (_certificate.CertificatePath, _certificate.KeyPath);
        void Jwt(string symmetric) => (jwt.Issuer, jwt.Audience, jwt.SigningKeys) = ("https://issuer.test", "pinpoint", [new JwtSigningKeyOptions { SymmetricKey = symmetric }]);
        var goodSecret = Convert.ToBase64String(_tokens.SymmetricKey);
        switch (@case)
        {
            case "plaintext-public": options.Url = "http://0.0.0.0:50051"; Key(); break;
            case "unauthenticated-public": options.Url = "https://0.0.0.0:50051"; Tls(); break;
            case "https-without-certificate": options.Url = "https://127.0.0.1:50051"; break;
            case "certificate-on-http": Tls(); break;
            case "certificate-missing": options.Url = "https://127.0.0.1:50051"; options.Tls.CertificatePath = "/nonexistent/server.crt"; break;
            case "certificate-garbage":
                options.Url = "https://127.0.0.1:50051";
                options.Tls.CertificatePath = Path.Combine(_folder, "garbage.crt");
                File.WriteAllText(options.Tls.CertificatePath, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
                break;
            case "url-not-http": options.Url = "ftp://127.0.0.1:21"; break;
            case "url-host-name": options.Url = "http://example.com:50051"; break;
            case "keepalive-interval": options.KeepAlive.PingInterval = TimeSpan.FromMilliseconds(500); break;
            case "keepalive-timeout": options.KeepAlive.PingTimeout = TimeSpan.Zero; break;
            case "key-id": Key("Ops_1"); break;
            case "key-id-missing": Key(id: null); break;
            case "key-id-duplicate": Key(); Key(); break;
            case "key-hash-is-a-key": Key(hash: ApiKey.Generate().Format()); break;
            case "key-role": Key(role: "admin"); break;
            case "key-account": Key(); auth.ApiKeys[0].Accounts.Add("1234"); break;
            case "key-unknown-group": Key(); auth.ApiKeys[0].Groups.Add("nope"); break;
            case "group-account": auth.AccountGroups["team"] = ["123456789012", "abc"]; break;
            case "group-name": auth.AccountGroups["a b"] = ["123456789012"]; break;
            case "group-empty": auth.AccountGroups["team"] = []; break;
            case "mode-none-with-keys": auth.Mode = ApiAuthMode.None; Key(); break;
            case "jwt-audience": Jwt(goodSecret); jwt.Audience = null; break;
            case "jwt-both": Jwt(goodSecret); jwt.Authority = "https://issuer.test"; break;
            case "jwt-issuer": Jwt(goodSecret); jwt.Issuer = null; break;
            case "jwt-short-key": Jwt(Convert.ToBase64String(new byte[16])); break;
            case "jwt-key-not-base64": Jwt("not base64!"); break;
            case "jwt-key-two-sources": Jwt(goodSecret); jwt.SigningKeys[0].PublicKeyPem = _tokens.RsaPublicKeyPem; break;
            case "jwt-key-no-source": Jwt(goodSecret); jwt.SigningKeys[0].SymmetricKey = null; jwt.SigningKeys[0].Id = "k1"; break;
            case "jwt-key-bad-pem": Jwt(goodSecret); jwt.SigningKeys[0] = new JwtSigningKeyOptions { PublicKeyPem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" }; break;
            case "jwt-key-file-missing": Jwt(goodSecret); jwt.SigningKeys[0] = new JwtSigningKeyOptions { PublicKeyFile = "/nonexistent/key.pem" }; break;
            case "jwt-authority-http": (jwt.Authority, jwt.Audience) = ("http://127.0.0.1:8080", "pinpoint"); break;
            case "jwt-authority-not-url": (jwt.Authority, jwt.Audience) = ("issuer", "pinpoint"); break;
            case "jwt-clock-skew": Jwt(goodSecret); jwt.ClockSkew = TimeSpan.FromHours(1); break;
            case "jwt-role-claim": Jwt(goodSecret); jwt.RoleClaim = " "; break;

            case "embedded-default": break;
            case "public-mode-none": (options.Url, options.AllowPlaintext, auth.Mode) = ("http://0.0.0.0:50051", true, ApiAuthMode.None); break;
            case "public-https-keys": options.Url = "https://0.0.0.0:50051"; Tls(); Key(); break;
            case "public-plaintext-allowed-keys": (options.Url, options.AllowPlaintext) = ("http://[::]:50051", true); Key(); break;
            case "localhost": options.Url = "http://localhost:50051"; break;
            case "jwt-ec-key-file":
                using (var ec = System.Security.Cryptography.ECDsa.Create())
                {
                    var file = Path.Combine(_folder, "ec.pem");
                    File.WriteAllText(file, ec.ExportSubjectPublicKeyInfoPem());
                    Jwt(goodSecret);
                    jwt.SigningKeys[0] = new JwtSigningKeyOptions { PublicKeyFile = file };
                }

                break;
            case "jwt-rsa-key-and-symmetric": Jwt(goodSecret); jwt.SigningKeys.Add(new JwtSigningKeyOptions { PublicKeyPem = _tokens.RsaPublicKeyPem, Id = "rsa" }); break;
            case "jwt-authority": (jwt.Authority, jwt.Audience) = ("https://login.example.test/tenant/v2.0", "pinpoint"); break;
            case "group-case": auth.AccountGroups["team"] = ["123456789012"]; Key(); auth.ApiKeys[0].Groups.Add("TEAM"); break;
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, "no such case");
        }

        return options;
    }
}
