using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// A test identity provider: signs JWTs with a symmetric key and an RSA key (both configured as
/// <c>Api:Auth:Jwt:SigningKeys</c>), or with keys the service does not know.
/// </summary>
internal sealed class TestTokens : IDisposable
{
    public const string Issuer = "https://issuer.test.invalid";
    public const string Audience = "pinpoint-aggregator";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _strangerRsa = RSA.Create(2048);

    public TestTokens()
    {
        SymmetricKey = RandomNumberGenerator.GetBytes(32);
        Symmetric = new SigningCredentials(new SymmetricSecurityKey(SymmetricKey), SecurityAlgorithms.HmacSha256);
        Rsa = new SigningCredentials(new RsaSecurityKey(_rsa), SecurityAlgorithms.RsaSha256);
        Stranger = new SigningCredentials(new RsaSecurityKey(_strangerRsa), SecurityAlgorithms.RsaSha256);
        StrangerSymmetric = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256);
    }

    public byte[] SymmetricKey { get; }

    public string RsaPublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    public SigningCredentials Symmetric { get; }

    public SigningCredentials Rsa { get; }

    /// <summary>Keys the service was never told about.</summary>
    public SigningCredentials Stranger { get; }

    public SigningCredentials StrangerSymmetric { get; }

    /// <summary>A token valid for the next hour unless changed by the arguments.</summary>
    public string Create(
        IReadOnlyDictionary<string, object> claims,
        SigningCredentials? signing = null,
        string issuer = Issuer,
        string audience = Audience,
        TimeSpan? expiresIn = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddHours(-2),
            NotBefore = expires.AddHours(-2),
            Expires = expires,
            Claims = claims.ToDictionary(),
            SigningCredentials = signing ?? Symmetric,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _strangerRsa.Dispose();
    }
}
