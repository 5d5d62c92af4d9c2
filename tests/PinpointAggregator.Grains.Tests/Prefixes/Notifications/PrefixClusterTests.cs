namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>The tests of one <see cref="PrefixCluster"/>: they share its clock, so they run one at a time.</summary>
[CollectionDefinition(PrefixCluster.Collection)]
public sealed class PrefixClusterTests : ICollectionFixture<PrefixCluster>;
