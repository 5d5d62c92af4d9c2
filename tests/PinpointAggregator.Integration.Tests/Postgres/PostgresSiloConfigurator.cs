using Orleans.TestingHost;
using PinpointAggregator.Grains;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>A test silo composed as the host composes one with <c>Storage:Provider=PostgreSql</c> (the test cluster sets endpoints and ids).</summary>
public sealed class PostgresSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddPinpointIngestion(siloBuilder.Configuration).AddTrailStores(siloBuilder.Configuration);
        siloBuilder.UsePinpointStorage(StorageSelection.Read(siloBuilder.Configuration));
    }
}
