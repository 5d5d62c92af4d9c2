using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace PinpointAggregator.Host.Hosting;

/// <summary>Adds the Orleans dashboard to the silo when <c>Dashboard:Enabled</c> is true; otherwise adds nothing.</summary>
public static class DashboardHosting
{
    public static IHostApplicationBuilder AddPinpointDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(DashboardHostingOptions.SectionName);
        var options = section.Get<DashboardHostingOptions>() ?? new DashboardHostingOptions();
        if (!options.Enabled)
        {
            // Disabled means absent: no profiling filter on every grain call, no telemetry collection, no port.
            return builder;
        }

        if (options.Validate() is { } error)
        {
            // Composition-time options fail as every other option does: one line naming it, exit status 2.
            throw new Microsoft.Extensions.Options.OptionsValidationException(DashboardHostingOptions.SectionName, typeof(DashboardHostingOptions), [error]);
        }

        // UseOrleans adds to the silo that AddPinpointSilo configured; it does not start a second one.
        builder.UseOrleans(silo => silo.AddDashboard());
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<DashboardServer>();
        return builder;
    }
}
