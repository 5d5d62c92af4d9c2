using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Configures ASP.NET Core's JWT bearer handler from <see cref="JwtAuthOptions"/>: issuer, audience, lifetime
/// (with its clock skew) and signature are all checked; claim names are kept as the token has them; a valid
/// token gets the caller identity authorization reads.
/// </summary>
internal static class JwtBearerSetup
{
    public static void Apply(JwtBearerOptions jwt, JwtAuthOptions options)
    {
        jwt.MapInboundClaims = false;
        jwt.Authority = options.Authority;
        jwt.Audience = options.Audience;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        var validation = jwt.TokenValidationParameters;
        validation.ValidateIssuer = true;
        validation.ValidateAudience = true;
        validation.ValidateLifetime = true;
        validation.RequireExpirationTime = true;
        validation.RequireSignedTokens = true;
        validation.ValidAudience = options.Audience;
        validation.ClockSkew = options.ClockSkew;
        validation.NameClaimType = options.SubjectClaim;
        if (options.Issuer is not null)
        {
            validation.ValidIssuer = options.Issuer;
        }

        if (options.SigningKeys.Count > 0)
        {
            validation.IssuerSigningKeys = options.SigningKeys
                .Select((key, i) => JwtSigningKeys.Load(key, $"{ApiAuthOptions.SectionName}:Jwt:SigningKeys:{i}"))
                .ToList();
        }

        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal?.AddIdentity(JwtCallerIdentity.From(context.Principal, context.SecurityToken, options));
                return Task.CompletedTask;
            },
        };
    }
}
