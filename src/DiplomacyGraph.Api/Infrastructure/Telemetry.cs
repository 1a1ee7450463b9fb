using System.ComponentModel.DataAnnotations;
using DiplomacyGraph.Storage;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>Where traces and metrics go.</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere: they are still produced, for any in-process listener, but not exported.</summary>
    None,
    /// <summary>To standard output, for a look while developing.</summary>
    Console,
    /// <summary>To an OpenTelemetry collector over OTLP.</summary>
    Otlp,
}

/// <summary>The <c>Telemetry</c> settings.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>none (default), console or otlp.</summary>
    public TelemetryExporter Exporter { get; init; } = TelemetryExporter.None;

    /// <summary>The collector for <c>otlp</c>; unset: the OTLP default (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else http://localhost:4317).</summary>
    [Url]
    public string? OtlpEndpoint { get; init; }
}

internal static class Telemetry
{
    public const string ServiceName = "DiplomacyGraph";

    /// <summary>
    /// OpenTelemetry traces and metrics: ASP.NET Core requests, outgoing HTTP (the Neo4j client's requests), and the
    /// store's own spans and query durations (<see cref="StoreTelemetry"/>). Exporting is off unless configured.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(StoreTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                if (options.Exporter == TelemetryExporter.Console) tracing.AddConsoleExporter();
                if (options.Exporter == TelemetryExporter.Otlp) tracing.AddOtlpExporter(o => Endpoint(o, options));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(StoreTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (options.Exporter == TelemetryExporter.Console) metrics.AddConsoleExporter();
                if (options.Exporter == TelemetryExporter.Otlp) metrics.AddOtlpExporter(o => Endpoint(o, options));
            });
        return builder;
    }

    private static void Endpoint(OpenTelemetry.Exporter.OtlpExporterOptions exporter, TelemetryOptions options)
    {
        if (options.OtlpEndpoint is { Length: > 0 } endpoint) exporter.Endpoint = new Uri(endpoint);
    }
}
