namespace PinpointAggregator.Api.Tests.Security;

/// <summary>Tests that share one running service configured with TLS, API keys and JWTs.</summary>
[CollectionDefinition(Name)]
public sealed class SecuredService : ICollectionFixture<SecuredServiceFixture>
{
    public const string Name = "secured service";
}
