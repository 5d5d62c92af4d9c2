namespace PinpointAggregator.Api.Security;

/// <summary>
/// JWT bearer tokens from an identity provider (section <c>Api:Auth:Jwt</c>). Either <see cref="Authority"/>
/// (keys and issuer from its OpenID Connect discovery document) or <see cref="SigningKeys"/> with
/// <see cref="Issuer"/>; <see cref="Audience"/> always. A token's role, accounts and groups are read from
/// the claims named here; the scope rules are those of API keys (no accounts and no groups: every account).
/// </summary>
public sealed class JwtAuthOptions
{
    /// <summary>The issuer's base URL; its <c>/.well-known/openid-configuration</c> names the issuer and the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>iss</c> tokens must carry; required with <see cref="SigningKeys"/>, taken from discovery with an <see cref="Authority"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> tokens must carry: this service's identifier at the identity provider.</summary>
    public string? Audience { get; set; }

    /// <summary>Keys that verify signatures, when there is no <see cref="Authority"/> to publish them.</summary>
    public List<JwtSigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>The claim with the caller's role, <c>viewer</c> or <c>operator</c> (the higher wins). Default <c>pinpoint_role</c>.</summary>
    public string RoleClaim { get; set; } = "pinpoint_role";

    /// <summary>The claim with account ids (an array, or one string separated by spaces or commas). Default <c>pinpoint_accounts</c>.</summary>
    public string AccountsClaim { get; set; } = "pinpoint_accounts";

    /// <summary>The claim with <c>Api:Auth:AccountGroups</c> names; unknown names add no account. Default <c>pinpoint_groups</c>.</summary>
    public string GroupsClaim { get; set; } = "pinpoint_groups";

    /// <summary>The claim that names the caller in logs. Default <c>sub</c>.</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>Fetch discovery over https only. Default true; false only for an authority on loopback (tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerance for clocks that differ when checking <c>exp</c> and <c>nbf</c>. Default 1 minute.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsConfigured => Authority is not null || SigningKeys.Count > 0;
}
