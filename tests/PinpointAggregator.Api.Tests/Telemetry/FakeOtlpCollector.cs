using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PinpointAggregator.Api.Tests.Telemetry;

/// <summary>
/// Stands where an OpenTelemetry collector would (OTLP over HTTP/protobuf on loopback) and keeps every request
/// body it receives, by path (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>). Protobuf writes strings
/// as plain UTF-8, so a test can find span and metric names in the bytes without the OTLP schema.
/// </summary>
public sealed class FakeOtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Task _loop;

    public FakeOtlpCollector()
    {
        Endpoint = new Uri($"http://127.0.0.1:{PinpointAggregator.Testing.TestPorts.Next()}/");

        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>True when each of <paramref name="texts"/> was in a request to <paramref name="path"/> (an exporter sends in batches).</summary>
    public bool Received(string path, params string[] texts) =>
        texts.All(t => _received.Any(r => r.Path == path && Contains(r.Body, Encoding.UTF8.GetBytes(t))));

    public IReadOnlyList<string> Paths => [.. _received.Select(r => r.Path).Distinct()];

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the pending accept.
        }
    }

    private static bool Contains(byte[] body, byte[] text) => body.AsSpan().IndexOf(text) >= 0;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            // An empty Export*ServiceResponse: everything accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
