using System.CommandLine;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Remote;

/// <summary>
/// Every field of <see cref="EventFilter"/> as an option. Repeated fields take the option again or a comma
/// list (<c>--account 111111111111,222222222222</c>); alternatives of one field combine with OR, fields with AND.
/// </summary>
internal sealed class EventFilterOptions
{
    public Option<string[]> Accounts { get; } = List("--account", "12-digit AWS account ids.");

    public Option<string[]> Regions { get; } = List("--region", "AWS regions, such as us-east-1.");

    public Option<string[]> Applications { get; } = List("--app", "Pinpoint application ids.");

    public Option<string[]> Actions { get; } = List("--action", "CloudTrail event names, such as CreateCampaign.");

    public Option<string[]> Callers { get; } = List("--caller", "Callers as events show them (an ARN or a service name).");

    public Option<string?> From { get; } = new("--from") { Description = "Events at or after this time: 2024-06-01, 2024-06-01T12:00:00Z, or 24h (ago)." };

    public Option<string?> To { get; } = new("--to") { Description = "Events before this time (same forms as --from)." };

    public Option<bool> ReadOnly { get; } = new("--read-only") { Description = "Only read-only calls." };

    public Option<bool> WritesOnly { get; } = new("--writes-only") { Description = "Only calls that are not read-only." };

    public Option<bool> ErrorsOnly { get; } = new("--errors-only") { Description = "Only failed calls." };

    public Option<string[]> ErrorCodes { get; } = List("--error-code", "CloudTrail error codes, such as AccessDenied.");

    public Option<string[]> SourceIps { get; } = List("--source-ip", "Caller source IP addresses.");

    public Option<string?> Text { get; } = new("--text") { Description = "Text the raw request parameters contain (3 to 200 characters; needs a short --from/--to range)." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Accounts, Regions, Applications, Actions, Callers, From, To, ReadOnly, WritesOnly, ErrorsOnly, ErrorCodes, SourceIps, Text })
        {
            command.Options.Add(option);
        }
    }

    /// <exception cref="UsageException">A time that does not parse, or both --read-only and --writes-only.</exception>
    public EventFilter Read(ParseResult parse, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(ReadOnly) && parse.GetValue(WritesOnly))
        {
            throw new UsageException("give --read-only or --writes-only, not both");
        }

        var filter = new EventFilter
        {
            StartTime = TimeText.ParseOptional("--from", parse.GetValue(From), now),
            EndTime = TimeText.ParseOptional("--to", parse.GetValue(To), now),
            ErrorsOnly = parse.GetValue(ErrorsOnly),
            Text = parse.GetValue(Text) ?? string.Empty,
        };
        filter.Accounts.AddRange(Values(parse, Accounts));
        filter.Regions.AddRange(Values(parse, Regions));
        filter.Applications.AddRange(Values(parse, Applications));
        filter.Actions.AddRange(Values(parse, Actions));
        filter.Callers.AddRange(Values(parse, Callers));
        filter.ErrorCodes.AddRange(Values(parse, ErrorCodes));
        filter.SourceIps.AddRange(Values(parse, SourceIps));
        if (parse.GetValue(ReadOnly))
        {
            filter.ReadOnly = true;
        }
        else if (parse.GetValue(WritesOnly))
        {
            filter.ReadOnly = false;
        }

        return filter;
    }

    /// <summary>A repeatable option's values, each split at commas, blanks dropped.</summary>
    public static IEnumerable<string> Values(ParseResult parse, Option<string[]> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return (parse.GetValue(option) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public static Option<string[]> List(string name, string description) => new(name) { Description = description + " Repeatable, or a comma list." };
}
