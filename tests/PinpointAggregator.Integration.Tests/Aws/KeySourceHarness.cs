using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PinpointAggregator.Aws;
using PinpointAggregator.Aws.CloudTrail;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Integration.Tests.Aws;

/// <summary>
/// What the public-key tests share: a fake clock, the local STS and the local CloudTrail, and the production
/// credential provider, <see cref="ListPublicKeysClient"/> and <see cref="CloudTrailDigestKeySource"/> pointed at them,
/// with the role <c>Reader</c> in every account; and the <c>pinpoint.aws.requests</c> counter as it was reported.
/// </summary>
internal sealed class KeySourceHarness : IDisposable
{
    public const string Account = "111122223333";
    public const string ReaderArn = $"arn:aws:iam::{Account}:role/Reader";
    public const string Region = "eu-west-1";

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, string Kind, string? Code)> _measurements = new();
    private readonly List<IDisposable> _owned = [];

    public KeySourceHarness()
    {
        // The ambient chain, for sources without a role: the keys s3rver and the local STS use.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LocalSts.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LocalSts.AccessKey);
        Sts = new LocalSts(Time);
        CloudTrail = new LocalCloudTrail(accessKey => accessKey == LocalSts.AccessKey ? LocalSts.AccessKey : null);
        var meters = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name is "pinpoint.aws.requests" or "pinpoint.aws.request_failures")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            string? kind = null, code = null;
            foreach (var tag in tags)
            {
                (kind, code) = tag.Key switch { "kind" => ((string?)tag.Value, code), "code" => (kind, (string?)tag.Value), _ => (kind, code) };
            }

            _measurements.Enqueue((instrument.Name, kind!, code));
        });
        _listener.Start();
        Metrics = new AwsMetrics(meters);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public LocalSts Sts { get; }

    public LocalCloudTrail CloudTrail { get; }

    public AwsMetrics Metrics { get; }

    /// <summary>ListPublicKeys requests counted by the service's metric.</summary>
    public int CountedRequests => _measurements.Count(m => m is ("pinpoint.aws.requests", AwsRequestKinds.ListPublicKeys, _));

    /// <summary>The failures counted, by error code.</summary>
    public string[] CountedFailures => [.. _measurements.Where(m => m is ("pinpoint.aws.request_failures", AwsRequestKinds.ListPublicKeys, _)).Select(m => m.Code ?? string.Empty)];

    /// <summary>A fresh RSA public key as ListPublicKeys returns it (DER).</summary>
    public static byte[] NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportSubjectPublicKeyInfo();
    }

    /// <summary>The production client, with the account role <c>Reader</c> (or none: the ambient chain).</summary>
    public ListPublicKeysClient Client(bool withRole = true)
    {
        var aws = new AwsOptions { Region = "us-east-1", StsServiceUrl = Sts.Url, CloudTrailServiceUrl = CloudTrail.Url };
        aws.Roles.RoleName = withRole ? "Reader" : null;
        aws.Roles.SiloName = "test-silo";
        var credentials = new AccountCredentialsProvider(Options.Create(aws), Time, Metrics);
        var client = new ListPublicKeysClient(Options.Create(aws), credentials, Metrics);
        _owned.Add(credentials);
        _owned.Add(client);
        return client;
    }

    /// <summary>The production source: <paramref name="files"/> trusted, ListPublicKeys when <paramref name="listPublicKeys"/>.</summary>
    public CloudTrailDigestKeySource Source(IEnumerable<byte[]>? files = null, bool listPublicKeys = true, bool withRole = true) =>
        new(
            new DigestPublicKeySet((files ?? []).Select(der => DigestPublicKey.FromDer(der))),
            listPublicKeys ? Client(withRole) : null,
            TimeSpan.FromHours(1),
            Time);

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _listener.Dispose();
        CloudTrail.Dispose();
        Sts.Dispose();
        _services.Dispose();
    }
}
