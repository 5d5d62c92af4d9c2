using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Tests.Infrastructure;

/// <summary>The integrity instruments an exporter would see, listened to on this test's own meter factory only.</summary>
public sealed class IntegrityMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string Tags)> _measurements = [];

    public IntegrityMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == IngestionMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
        Metrics = new IntegrityMetrics(factory);
    }

    private IntegrityMetrics Metrics { get; }

    [Fact]
    public void FindingsAreCountedByKind_AndDigestsChecked()
    {
        Metrics.Finding("LogModified");
        Metrics.Finding("Gap");
        Metrics.DigestChecked();

        Assert.Equal(
            [("pinpoint.integrity.findings", 1, "kind=LogModified"), ("pinpoint.integrity.findings", 1, "kind=Gap"), ("pinpoint.integrity.digests", 1, string.Empty)],
            _measurements);
    }

    [Fact]
    public void TheValidatedLag_IsTheLargestOfAnAccountsPrefixes_OneSeriesPerAccount_AndForgottenPrefixesLeave()
    {
        Metrics.Prefix("b/AWSLogs/111122223333/CloudTrail/us-east-1/", "111122223333", TimeSpan.FromHours(1));
        Metrics.Prefix("b/AWSLogs/111122223333/CloudTrail/eu-west-1/", "111122223333", TimeSpan.FromHours(3));
        Metrics.Prefix("b/AWSLogs/444455556666/CloudTrail/us-east-1/", "444455556666", TimeSpan.FromHours(2));
        Metrics.Prefix("b/AWSLogs/444455556666/CloudTrail/eu-west-1/", "444455556666", null);

        _listener.RecordObservableInstruments();
        Assert.Equal(
            [("pinpoint.integrity.validated_lag", 10800, "account=111122223333"), ("pinpoint.integrity.validated_lag", 7200, "account=444455556666")],
            _measurements.OrderBy(m => m.Tags, StringComparer.Ordinal));

        _measurements.Clear();
        Metrics.Forget("b/AWSLogs/111122223333/CloudTrail/eu-west-1/");
        _listener.RecordObservableInstruments();
        Assert.Contains(("pinpoint.integrity.validated_lag", 3600, "account=111122223333"), _measurements);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
}
