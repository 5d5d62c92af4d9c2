using Microsoft.Extensions.Hosting;
using PinpointAggregator.Host.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddPinpointSilo();
await builder.Build().RunAsync();
