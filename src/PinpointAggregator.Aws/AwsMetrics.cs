using System.Diagnostics.Metrics;

namespace PinpointAggregator.Aws;

/// <summary>STS and other AWS API counters (S3's are the ingestion's) on the <c>PinpointAggregator.Aws</c> meter.</summary>
/// <remarks>Labels are closed sets: request kinds (<see cref="AwsRequestKinds"/>) and AWS error codes or exception type names.</remarks>
public sealed class AwsMetrics
{
    public const string MeterName = "PinpointAggregator.Aws";

    private readonly Counter<long> _stsCalls;
    private readonly Counter<long> _stsFailures;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _requestFailures;

    public AwsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _stsCalls = meter.CreateCounter<long>("pinpoint.sts.calls", "{call}", "AssumeRole calls.");
        _stsFailures = meter.CreateCounter<long>("pinpoint.sts.failures", "{call}", "AssumeRole calls that failed, by error code.");
        _requests = meter.CreateCounter<long>("pinpoint.aws.requests", "{request}", "Requests to AWS APIs other than S3 and STS, by kind (ListPublicKeys: one per page).");
        _requestFailures = meter.CreateCounter<long>("pinpoint.aws.request_failures", "{request}", "Those requests that failed, by kind and error code.");
    }

    public void StsCall() => _stsCalls.Add(1);

    public void StsFailure(string code) => _stsFailures.Add(1, new KeyValuePair<string, object?>("code", code));

    /// <summary>One request sent, of a kind in <see cref="AwsRequestKinds"/>.</summary>
    public void Request(string kind) => _requests.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A request of <paramref name="kind"/> that failed with <paramref name="code"/> (AWS's error code, or the exception's type).</summary>
    public void RequestFailure(string kind, string code) =>
        _requestFailures.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("code", code));
}
