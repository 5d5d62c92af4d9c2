namespace PinpointAggregator.Cli.Tests.Service;

/// <summary>Tests that share one running service (its first pass costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class SharedService : ICollectionFixture<ServiceFixture>
{
    public const string Name = "service";
}
