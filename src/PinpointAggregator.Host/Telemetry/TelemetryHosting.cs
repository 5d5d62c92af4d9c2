using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PinpointAggregator.Api;
using PinpointAggregator.Api.Telemetry;
using PinpointAggregator.Aws;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the service: our meters (ingestion, AWS, API calls), ASP.NET Core and Kestrel request
/// metrics, Orleans' and Npgsql's, .NET's runtime metrics; a Prometheus scrape endpoint at
/// <see cref="MetricsPath"/>; and OTLP export of metrics, traces and logs when configured
/// (<see cref="TelemetryOptions"/>). Without OTLP no traces are recorded at all, so they cost nothing.
/// </summary>
public static class TelemetryHosting
{
    public const string MetricsPath = "/metrics";

    /// <summary>Orleans' meter (catalog, messaging, grain calls, ...).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources: the runtime's and the grain calls' (with activity propagation).</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>The meters exported, in the order docs/observability.md lists them.</summary>
    public static readonly string[] Meters =
    [
        IngestionMetrics.MeterName,
        AwsMetrics.MeterName,
        RpcMetrics.MeterName,
        OrleansMeter,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Runtime",
    ];

    public static WebApplicationBuilder AddPinpointTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelemetryOptions.SectionName);
        builder.Services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) || !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (!otlp)
        {
            return builder;
        }

        telemetry.WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
            .AddSource(OrleansActivitySources)
            .AddNpgsql());
        // Grain calls become spans (and carry the caller's trace context) only with propagation on.
        builder.UseOrleans(silo => silo.AddActivityPropagation());
        if (endpoint is not null)
        {
            telemetry.UseOtlpExporter(options.OtlpProtocol, endpoint);
        }
        else
        {
            // The standard OTEL_EXPORTER_OTLP_* settings, read by the exporter itself.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Serves the Prometheus scrape at <see cref="MetricsPath"/> on the plain HTTP endpoint (<c>Api:HttpUrl</c>)
    /// only, and anonymously, as scrapers expect: it holds counts labelled with account ids and no event data,
    /// and that port is meant for the cluster's network (docs/observability.md). Never on the client-facing
    /// gRPC endpoint (<c>Api:Url</c>), where it would tell any caller, scoped or not, every account id; with no
    /// HTTP endpoint there is no scrape (OTLP still exports).
    /// </summary>
    public static WebApplication MapPinpointTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (string.IsNullOrEmpty(api.HttpUrl) || !Uri.TryCreate(api.HttpUrl, UriKind.Absolute, out var http))
        {
            return app;
        }

        // The connection's local port, not the Host header (which a client writes).
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && context.Connection.LocalPort == http.Port);
        return app;
    }
}
