using System.Diagnostics.Metrics;

namespace PinpointAggregator.Aws;

/// <summary>STS counters on the <c>PinpointAggregator.Aws</c> meter.</summary>
public sealed class AwsMetrics
{
    public const string MeterName = "PinpointAggregator.Aws";

    private readonly Counter<long> _stsCalls;
    private readonly Counter<long> _stsFailures;

    public AwsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _stsCalls = meter.CreateCounter<long>("pinpoint.sts.calls", "{call}", "AssumeRole calls.");
        _stsFailures = meter.CreateCounter<long>("pinpoint.sts.failures", "{call}", "AssumeRole calls that failed, by error code.");
    }

    public void StsCall() => _stsCalls.Add(1);

    public void StsFailure(string code) => _stsFailures.Add(1, new KeyValuePair<string, object?>("code", code));
}
