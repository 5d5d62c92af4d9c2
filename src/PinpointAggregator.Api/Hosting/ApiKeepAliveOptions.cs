namespace PinpointAggregator.Api.Hosting;

/// <summary>
/// HTTP/2 keepalive pings from the server (section <c>Api:KeepAlive</c>), so a long <c>WatchEvents</c> stream
/// that carries nothing for minutes is neither dropped by a proxy or load balancer that closes idle
/// connections (often after 60 s) nor left open on a client that vanished without closing it.
/// </summary>
public sealed class ApiKeepAliveOptions
{
    public const string SectionName = "Api:KeepAlive";

    /// <summary>Ping a connection that has been silent this long. Default 30 s: below common 60 s idle timeouts.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Close the connection when a ping has no answer within this time. Default 20 s.</summary>
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <returns>Null when valid, else why not (naming the option).</returns>
    public string? Validate()
    {
        // Kestrel counts in whole seconds; anything shorter would ping constantly.
        if (PingInterval < TimeSpan.FromSeconds(1))
        {
            return $"{SectionName}:PingInterval must be at least 1 second; got {PingInterval}.";
        }

        return PingTimeout < TimeSpan.FromSeconds(1) ? $"{SectionName}:PingTimeout must be at least 1 second; got {PingTimeout}." : null;
    }
}
