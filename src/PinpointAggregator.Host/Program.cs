using PinpointAggregator.Host;

return await PinpointProgram.RunAsync(args);
