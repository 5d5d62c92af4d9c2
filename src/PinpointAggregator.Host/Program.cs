using Microsoft.Extensions.Hosting;
using PinpointAggregator.Host.Hosting;

var builder = PinpointHost.CreateBuilder(args);
builder.AddPinpointSilo();
await builder.Build().RunAsync();
