namespace PinpointAggregator.Integration.Tests.Processes;

/// <summary>
/// Tests that run clusters of silo processes run one at a time: each cluster is several .NET processes, and
/// two at once would starve each other (and the rest of the suite) of cores rather than finish sooner.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessClusterSerial
{
    public const string Name = "Silo processes";
}
