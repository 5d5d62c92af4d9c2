using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Connection;

/// <summary>
/// One channel to the service for one command, with the bearer token added to every call and the
/// deadline the settings ask for. Clients are cheap views over the same channel.
/// </summary>
internal sealed class ServiceConnection : IDisposable
{
    // Pages of accounts with their prefixes' quarantine lists can pass gRPC's 4 MB default.
    private const int MaxReceiveMessageBytes = 64 * 1024 * 1024;

    private readonly GrpcChannel _channel;
    private readonly CallInvoker _invoker;

    private ServiceConnection(ConnectionSettings settings, GrpcChannel channel, CallInvoker invoker)
    {
        Settings = settings;
        _channel = channel;
        _invoker = invoker;
    }

    public ConnectionSettings Settings { get; }

    public OrganizationService.OrganizationServiceClient Organization => new(_invoker);

    public ApplicationService.ApplicationServiceClient Applications => new(_invoker);

    public EventService.EventServiceClient Events => new(_invoker);

    public OperationsService.OperationsServiceClient Operations => new(_invoker);

    public IntegrityService.IntegrityServiceClient Integrity => new(_invoker);

    /// <summary>True when a token would cross the network unencrypted (plain http to a host other than loopback).</summary>
    public bool TokenInClearText => Settings.Token is not null && Settings.Address.Scheme == Uri.UriSchemeHttp && !IsLoopback(Settings.Address);

    public static ServiceConnection Open(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            // Pings keep a quiet Watch stream open through proxies and notice a dead peer.
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            EnableMultipleHttp2Connections = true,
        };
        if (settings.CaFile is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = PrivateCaTrust.Load(settings.CaFile).Validate;
        }

        var channel = GrpcChannel.ForAddress(settings.Address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxReceiveMessageBytes,
        });
        var invoker = channel.CreateCallInvoker();
        if (settings.Token is { } token)
        {
            var header = "Bearer " + token;
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("authorization", header);
                return metadata;
            });
        }

        return new ServiceConnection(settings, channel, invoker);
    }

    /// <summary>Options of a unary call: the timeout's deadline and the command's cancellation.</summary>
    public CallOptions Unary(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow + Settings.Timeout, cancellationToken: cancellationToken);

    /// <summary>Options of a stream that may last: a deadline only when one was asked for.</summary>
    public CallOptions Streaming(CancellationToken cancellationToken) =>
        new(deadline: Settings.TimeoutGiven ? DateTime.UtcNow + Settings.Timeout : null, cancellationToken: cancellationToken);

    public void Dispose() => _channel.Dispose();

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
