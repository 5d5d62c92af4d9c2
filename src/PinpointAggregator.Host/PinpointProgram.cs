using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.Host.Telemetry;

namespace PinpointAggregator.Host;

/// <summary>The executable's commands: the silo (default) and <c>migrate</c>.</summary>
public static class PinpointProgram
{
    /// <summary>Exit status for configuration that fails validation.</summary>
    public const int ConfigurationError = 2;

    /// <param name="args">Command line; a first argument <c>migrate</c> selects that command, the rest is configuration.</param>
    /// <param name="configureLogging">Extra logging set-up (tests record what would be logged).</param>
    public static async Task<int> RunAsync(string[] args, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args is [MigrateCommand.Name, .. var rest])
            {
                return await MigrateCommand.RunAsync(rest, configureLogging);
            }

            var builder = PinpointHost.CreateWebBuilder(args);
            configureLogging?.Invoke(builder.Logging);
            builder.AddPinpointSilo();
            builder.AddPinpointApi();
            builder.AddPinpointTelemetry();
            var app = builder.Build();
            app.MapPinpointApi();
            app.MapPinpointTelemetry();
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            // Every failure on its own line, without a stack trace: the message is the whole story.
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"Configuration error: {failure}");
            }

            return ConfigurationError;
        }
    }

    /// <summary>
    /// The failures of options validation: one options type's, or several (start-up validation of several
    /// types throws them together); empty for any other exception.
    /// </summary>
    internal static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException one => [.. one.Failures],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)],
        _ => [],
    };
}
