using System.CommandLine;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Output;

namespace PinpointAggregator.Cli.Remote;

/// <summary>The options every command that talks to the service has: where it is, who calls, how to print.</summary>
internal sealed class ServiceOptions(OutputFormat defaultFormat = OutputFormat.Table)
{
    public Option<string?> Address { get; } = new("--address") { Description = $"The service's address, http:// (plain HTTP/2) or https:// (TLS). Default: ${ConnectionSettingsResolver.AddressVariable}, the config file, or {ConnectionSettings.DefaultAddress.GetLeftPart(UriPartial.Authority)}." };

    public Option<string?> Token { get; } = new("--token") { Description = $"Bearer token sent with every call. Default: ${ConnectionSettingsResolver.TokenVariable}, or the config file." };

    public Option<string?> TokenFile { get; } = new("--token-file") { Description = "Read the bearer token from this file (keeps it out of the process list)." };

    public Option<string?> Config { get; } = new("--config") { Description = $"Config file with address, token or tokenFile, caFile. Default: ${ConnectionSettingsResolver.ConfigVariable} or ~/.config/pinpoint-audit/config.json." };

    public Option<string?> CaFile { get; } = new("--ca-file") { Description = "PEM file of CA certificates to trust for an https:// address, besides the system's." };

    public Option<string?> Timeout { get; } = new("--timeout") { Description = "Deadline of each call, such as 30s, 500ms or 2m (default 30s; an export has none unless given, a watch never has one)." };

    public Option<string> Output { get; } = OutputOption(defaultFormat);

    public Option<bool> Wide { get; } = new("--wide") { Description = "Tables show every column and never cut a cell." };

    private static Option<string> OutputOption(OutputFormat defaultFormat)
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "table (aligned columns), json (protobuf's JSON form) or csv.",
            DefaultValueFactory = _ => defaultFormat.ToString().ToLowerInvariant(),
        };
        option.AcceptOnlyFromAmong("table", "json", "csv");
        return option;
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Address, Token, TokenFile, Config, CaFile, Timeout, Output, Wide })
        {
            command.Options.Add(option);
        }
    }

    public OutputFormat Format(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return Enum.Parse<OutputFormat>(parse.GetValue(Output)!, ignoreCase: true);
    }

    public ConnectionFlags Flags(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new(parse.GetValue(Address), parse.GetValue(Token), parse.GetValue(TokenFile), parse.GetValue(Config), parse.GetValue(CaFile), parse.GetValue(Timeout));
    }
}
