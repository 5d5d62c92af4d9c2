using System.Diagnostics.Metrics;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>A meter factory for constructing metrics classes outside a host.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
