using System.CommandLine;
using PinpointAggregator.Cli.Commands;

var root = new RootCommand("PinpointAggregator: audit Amazon Pinpoint across an AWS Organization from its CloudTrail logs.")
{
    ScanCommand.Create(),
    GenerateSampleCommand.Create(),
    ApiKeyCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
