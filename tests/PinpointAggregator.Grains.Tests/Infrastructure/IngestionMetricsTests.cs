using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Tests.Infrastructure;

/// <summary>The instruments an exporter would see, listened to on this test's own meter factory only.</summary>
public sealed class IngestionMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string Tags)> _measurements = [];

    public IngestionMetricsTests()
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
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
        Metrics = new IngestionMetrics(factory);
    }

    private IngestionMetrics Metrics { get; }

    [Fact]
    public void FileRequestsAndQuarantine_AreCounted_WithTheRequestKind()
    {
        Metrics.FileRead(events: 7, compressedBytes: 1234);
        Metrics.Request(RequestKinds.List);
        Metrics.Request(RequestKinds.Get);
        Metrics.Request(RequestKinds.Get);
        Metrics.Quarantined();

        Assert.Equal(
            [
                ("pinpoint.trail.files", 1, ""), ("pinpoint.trail.events", 7, ""), ("pinpoint.trail.bytes", 1234, ""),
                ("pinpoint.store.requests", 1, "kind=List"), ("pinpoint.store.requests", 1, "kind=Get"), ("pinpoint.store.requests", 1, "kind=Get"),
                ("pinpoint.trail.quarantined", 1, ""),
            ],
            _measurements);
    }

    [Fact]
    public void LagAndStuckFiles_AreObservedPerAccount_NeverPerPrefix_UntilForgotten()
    {
        Metrics.Prefix("bucket/AWSLogs/111122223333/CloudTrail/us-east-1/", "111122223333", TimeSpan.FromMinutes(7), stuckFiles: 2);
        Metrics.Prefix("bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/", "111122223333", TimeSpan.FromSeconds(30), stuckFiles: 1);
        Metrics.Prefix("bucket/AWSLogs/444455556666/CloudTrail/eu-west-1/", "444455556666", TimeSpan.FromMinutes(1), stuckFiles: 0);
        Metrics.Forget("bucket/AWSLogs/444455556666/CloudTrail/eu-west-1/");

        _listener.RecordObservableInstruments();

        Assert.Equal(
            [("pinpoint.ingestion.lag", 420, "account=111122223333"), ("pinpoint.trail.files_stuck", 3, "account=111122223333")],
            _measurements.Where(m => m.Instrument != "pinpoint.notifications.prefixes"));
    }

    [Fact]
    public void PrefixesPerMode_AreObservedOnThisSilo_EveryModeAlways_UntilForgotten()
    {
        Metrics.Mode("bucket/AWSLogs/111122223333/CloudTrail/us-east-1/", PrefixIngestionMode.Notified);
        Metrics.Mode("bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/", PrefixIngestionMode.Polling);
        Metrics.Mode("bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/", PrefixIngestionMode.Notified);
        Metrics.Mode("bucket/AWSLogs/444455556666/CloudTrail/eu-west-1/", PrefixIngestionMode.Fallback);
        Metrics.Mode("bucket/AWSLogs/777788889999/CloudTrail/eu-west-1/", PrefixIngestionMode.Polling);
        Metrics.Forget("bucket/AWSLogs/777788889999/CloudTrail/eu-west-1/");

        _listener.RecordObservableInstruments();

        Assert.Equal(
            [("pinpoint.notifications.prefixes", 0, "mode=Polling"), ("pinpoint.notifications.prefixes", 2, "mode=Notified"), ("pinpoint.notifications.prefixes", 1, "mode=Fallback")],
            _measurements.Where(m => m.Instrument == "pinpoint.notifications.prefixes"));
    }

    [Fact]
    public void NotifiedKeysByOutcome_LateFilesAndFallbacks_AreCounted()
    {
        Metrics.Notified(NotifiedFileOutcome.Read);
        Metrics.Notified(NotifiedFileOutcome.AlreadyDone);
        Metrics.NotifiedLate("111122223333");
        Metrics.Fallback("444455556666");

        Assert.Equal(
            [
                ("pinpoint.notifications.files", 1, "outcome=Read"), ("pinpoint.notifications.files", 1, "outcome=AlreadyDone"),
                ("pinpoint.notifications.files_late", 1, "account=111122223333"), ("pinpoint.notifications.fallbacks", 1, "account=444455556666"),
            ],
            _measurements);
    }

    [Fact]
    public void FailuresSetAsideAndFutureDatedKeys_AreCounted()
    {
        Metrics.FileFailed("AccessDenied");
        Metrics.SetAside(12);
        Metrics.FutureDatedKey();

        Assert.Equal(
            [("pinpoint.trail.file_failures", 1, "kind=AccessDenied"), ("pinpoint.events.set_aside", 12, ""), ("pinpoint.trail.future_dated_keys", 1, "")],
            _measurements);
    }

    [Fact]
    public void MissedFiles_AreCountedPerAccount()
    {
        Metrics.FileMissed("111122223333");

        Assert.Equal([("pinpoint.trail.files_missed", 1, "account=111122223333")], _measurements);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
        _measurements.Add((instrument.Name, value, text));
    }
}
