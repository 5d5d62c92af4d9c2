using PinpointAggregator.Cli;

return await CliApp.RunAsync(args, CliEnvironment.Process());
