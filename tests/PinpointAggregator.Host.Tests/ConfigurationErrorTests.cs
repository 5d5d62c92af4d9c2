using Microsoft.Extensions.Options;

namespace PinpointAggregator.Host.Tests;

/// <summary>Bad configuration ends the executable with status 2 and one line per failure, never a stack trace.</summary>
public sealed class ConfigurationErrorTests
{
    [Fact]
    public void ValidationFailures_OfSeveralOptionTypesAtOnce_AreEveryFailure()
    {
        // Regression: start-up validation of two options types throws them as one AggregateException, which
        // escaped as an unhandled exception with a stack trace.
        var both = new AggregateException(
            new OptionsValidationException("a", typeof(object), ["first"]),
            new OptionsValidationException("b", typeof(object), ["second", "third"]));

        Assert.Equal(["first", "second", "third"], PinpointProgram.ValidationFailures(both));
    }

    [Fact]
    public void ValidationFailures_OfAnyOtherException_AreNone()
    {
        Assert.Empty(PinpointProgram.ValidationFailures(new InvalidOperationException("not configuration")));
        Assert.Empty(PinpointProgram.ValidationFailures(new AggregateException(new OptionsValidationException("a", typeof(object), ["x"]), new InvalidOperationException())));
    }

    [Fact]
    public async Task TheService_WithABadDashboardPort_ExitsWithAConfigurationError()
    {
        // Regression: the dashboard's port was checked with an InvalidOperationException (exit 134, stack trace).
        var status = await PinpointProgram.RunAsync(["--Dashboard:Enabled=true", "--Dashboard:Port=70000"]);

        Assert.Equal(PinpointProgram.ConfigurationError, status);
    }
}
