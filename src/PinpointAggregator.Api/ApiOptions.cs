using PinpointAggregator.Api.Hosting;
using PinpointAggregator.Api.Security;

namespace PinpointAggregator.Api;

/// <summary>The gRPC front end's settings (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Default endpoint: loopback, plain HTTP/2 (the embedded default); 50051 is gRPC's customary port.</summary>
    public const string DefaultUrl = "http://127.0.0.1:50051";

    /// <summary>Where gRPC listens. <c>http://</c> serves plain HTTP/2 (h2c), <c>https://</c> TLS with the configured certificate.</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>Default plain HTTP/1.1 endpoint: loopback, beside <see cref="DefaultUrl"/>.</summary>
    public const string DefaultHttpUrl = "http://127.0.0.1:50052";

    /// <summary>
    /// Where plain HTTP/1.1 listens for what curl, browsers and Prometheus speak: the JSON routes of the read
    /// RPCs, the OpenAPI document and <c>/metrics</c>. Needed because plain HTTP/2 (<see cref="Url"/>) only
    /// speaks to clients with prior knowledge. <c>http://</c> only; empty turns it off (with TLS on
    /// <see cref="Url"/> that one endpoint can serve HTTP/1.1 too). Default <see cref="DefaultHttpUrl"/>.
    /// </summary>
    public string HttpUrl { get; set; } = DefaultHttpUrl;

    /// <summary>
    /// Allow plain HTTP/2 on an address that is not loopback (default false: such an endpoint must use https).
    /// For a service behind a proxy or mesh that terminates TLS; tokens then cross that hop in clear text.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>Who may call (<c>Api:Auth</c>).</summary>
    public ApiAuthOptions Auth { get; set; } = new();

    /// <summary>The certificate of an <c>https://</c> <see cref="Url"/> (<c>Api:Tls</c>).</summary>
    public ApiTlsOptions Tls { get; set; } = new();

    /// <summary>HTTP/2 keepalive pings, for long streams (<c>Api:KeepAlive</c>).</summary>
    public ApiKeepAliveOptions KeepAlive { get; set; } = new();

    /// <summary>Largest page a list or search returns (requests asking for more get INVALID_ARGUMENT).</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Page size when a request leaves it 0.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>
    /// Longest time range a free-text event search may cover (default 31 days): text is matched inside the raw
    /// request of each event in the range, so the range bounds the work.
    /// </summary>
    public int MaxTextSearchDays { get; set; } = 31;

    /// <summary>Most events one <c>ExportEvents</c> stream may carry (default 100,000); a larger result is refused before anything is sent.</summary>
    public int MaxExportEvents { get; set; } = 100_000;

    /// <summary>Longest time range one <c>Reread</c> may cover (default 31 days).</summary>
    public int MaxRereadDays { get; set; } = 31;

    /// <summary>Widest window of the organization summary's events by day (default 366 days).</summary>
    public int MaxSummaryDays { get; set; } = 366;

    /// <summary>How often a watch reads the feed of stored events (default 250 ms): the watch's added delivery latency.</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an idle watch waits before it sends a heartbeat (default 15 s), so proxies keep the stream open.</summary>
    public TimeSpan WatchHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Most watches one silo serves at once (default 256): each reads the event store every
    /// <see cref="WatchPollInterval"/>, so they are bounded like any other load; one more is RESOURCE_EXHAUSTED.
    /// </summary>
    public int MaxWatches { get; set; } = 256;

    /// <summary>Most watches one caller (token subject) holds open on one silo at once (default 16); one more is RESOURCE_EXHAUSTED.</summary>
    public int MaxWatchesPerCaller { get; set; } = 16;

    /// <summary>How long a page token stays valid after it was issued (default 1 day); an older one is refused.</summary>
    public TimeSpan PageTokenLifetime { get; set; } = TimeSpan.FromDays(1);
}
