using System.Diagnostics;
using ArchitectAgents.Core.Telemetry;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ArchitectAgents.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the service: traces (our run spans, MAF workflows and agents, Microsoft.Extensions.AI chat
/// clients, ASP.NET Core, HttpClient, EF Core), metrics (ours, GenAI, ASP.NET Core) and logs. OTLP export is on
/// only when an endpoint is configured; the Prometheus endpoint and the dashboard need no collector.
/// </summary>
internal static class TelemetryRegistration
{
    private static readonly string[] EndpointVariables =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    public static WebApplicationBuilder AddArchitectTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var protocol = ParseProtocol(options.Otlp.Protocol);
        var exporting = !string.IsNullOrWhiteSpace(options.Otlp.Endpoint) || EndpointVariables.Any(v => !string.IsNullOrWhiteSpace(configuration[v]));

        // Console and file logs carry the trace and span ids too, so a log line leads to its trace.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. ArchitectTelemetry.TraceSources])
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsQuiet(http.Request.Path, options))
                    .AddHttpClientInstrumentation()
                    // The worker polls the store all the time; keep only queries made inside a trace (a request, a run).
                    .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (_, _) => Activity.Current?.ParentSpanId != default);
                if (exporting)
                {
                    tracing.AddOtlpExporter(o => Apply(o, options.Otlp, protocol, "/v1/traces"));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. ArchitectTelemetry.Meters])
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (exporting)
                {
                    metrics.AddOtlpExporter(o => Apply(o, options.Otlp, protocol, "/v1/metrics"));
                }
            });

        if (exporting)
        {
            otel.WithLogging(logging => logging.AddOtlpExporter(o => Apply(o, options.Otlp, protocol, "/v1/logs")),
                o =>
                {
                    o.IncludeFormattedMessage = true;
                    o.IncludeScopes = true;
                });
        }

        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is enabled.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Prometheus.Enabled)
        {
            var endpoint = app.MapPrometheusScrapingEndpoint(options.Prometheus.Path);
            if (options.Prometheus.RequireAuthentication)
            {
                endpoint.RequireAuthorization();
            }
            else
            {
                endpoint.WithMetadata(new AllowAnonymousAttribute());
            }
        }

        return app;
    }

    private static OtlpExportProtocol? ParseProtocol(string? protocol) => protocol?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"Telemetry:Otlp:Protocol must be 'grpc' or 'http/protobuf', not '{protocol}'."),
    };

    /// <summary>Settings from appsettings.json win over what the SDK already read from <c>OTEL_*</c>.</summary>
    private static void Apply(OtlpExporterOptions exporter, OtlpSettings settings, OtlpExportProtocol? protocol, string signalPath)
    {
        if (protocol is { } p)
        {
            exporter.Protocol = p;
        }

        if (!string.IsNullOrWhiteSpace(settings.Endpoint))
        {
            // For http/protobuf a signal exporter needs the full path; gRPC takes the base address.
            var baseUri = settings.Endpoint.TrimEnd('/');
            exporter.Endpoint = new Uri(exporter.Protocol == OtlpExportProtocol.HttpProtobuf ? baseUri + signalPath : baseUri);
        }

        if (!string.IsNullOrWhiteSpace(settings.Headers))
        {
            exporter.Headers = settings.Headers;
        }
    }

    /// <summary>Probes and scrapes would drown the traces that matter.</summary>
    private static bool IsQuiet(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || (options.Prometheus.Enabled && path.StartsWithSegments(options.Prometheus.Path, StringComparison.OrdinalIgnoreCase));
}
