using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Host.Tests;

public sealed class PinpointHostTests
{
    [Fact]
    public void CreateBuilder_FromAnotherWorkingFolder_StillReadsAppSettings()
    {
        // Regression: `dotnet run --project` from the repository root ran without appsettings.json.
        var original = Environment.CurrentDirectory;
        var elsewhere = Directory.CreateTempSubdirectory("pa-cwd-").FullName;
        try
        {
            Environment.CurrentDirectory = elsewhere;

            var builder = PinpointHost.CreateBuilder([]);

            Assert.Equal("Warning", builder.Configuration["Logging:LogLevel:Orleans"]);
        }
        finally
        {
            Environment.CurrentDirectory = original;
            Directory.Delete(elsewhere);
        }
    }
}
