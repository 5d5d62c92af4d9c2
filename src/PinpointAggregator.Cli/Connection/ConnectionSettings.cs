namespace PinpointAggregator.Cli.Connection;

/// <summary>Where the service is and how to talk to it, after flags, environment and config file were merged.</summary>
/// <param name="Address">An <c>http://</c> (plain HTTP/2) or <c>https://</c> (TLS) address.</param>
/// <param name="Token">The bearer token sent with every call, or null to send none. Never printed.</param>
/// <param name="CaFile">A PEM file of CA certificates to trust for TLS besides the system's, or null.</param>
/// <param name="Timeout">The deadline of a unary call (and of an export, when given explicitly).</param>
/// <param name="TimeoutGiven">Whether the timeout was asked for rather than the default.</param>
internal sealed record ConnectionSettings(Uri Address, string? Token, string? CaFile, TimeSpan Timeout, bool TimeoutGiven)
{
    public static readonly Uri DefaultAddress = new("http://127.0.0.1:50051");

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}
