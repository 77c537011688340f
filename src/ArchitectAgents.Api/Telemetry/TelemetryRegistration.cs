using System.Diagnostics;
using ArchitectAgents.Core.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Instrumentation.AspNetCore;
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
    public static WebApplicationBuilder AddArchitectTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"]
            ?? builder.Configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.ServiceName)}"]
            ?? new TelemetryOptions().ServiceName;

        // Console and file logs carry the trace and span ids too, so a log line leads to its trace.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        // OTLP exporters are chosen when the providers are built (the deferred Configure callbacks), not now:
        // every configuration source, including ones a host adds after this call, has been applied by then.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(tracing => ((IDeferredTracerProviderBuilder)tracing
                .AddSource([.. ArchitectTelemetry.TraceSources])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // The worker polls the store all the time; keep only queries made inside a trace (a request, a run).
                .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (_, _) => Activity.Current?.ParentSpanId != default))
                .Configure((sp, t) =>
                {
                    if (OtlpTarget.From(sp) is { } otlp)
                    {
                        t.AddProcessor(new BatchActivityExportProcessor(new OtlpTraceExporter(otlp.Options("/v1/traces"))));
                    }
                }))
            .WithMetrics(metrics => ((IDeferredMeterProviderBuilder)metrics
                .AddMeter([.. ArchitectTelemetry.Meters])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // A pull reader costs nothing until scraped; MapTelemetry decides whether /metrics is served.
                .AddPrometheusExporter())
                .Configure((sp, m) =>
                {
                    if (OtlpTarget.From(sp) is { } otlp)
                    {
                        m.AddReader(new PeriodicExportingMetricReader(new OtlpMetricExporter(otlp.Options("/v1/metrics"))));
                    }
                }))
            .WithLogging(logging => ((IDeferredLoggerProviderBuilder)logging).Configure((sp, l) =>
                {
                    if (OtlpTarget.From(sp) is { } otlp)
                    {
                        l.AddProcessor(new BatchLogRecordExportProcessor(new OtlpLogExporter(otlp.Options("/v1/logs"))));
                    }
                }),
                o =>
                {
                    o.IncludeFormattedMessage = true;
                    o.IncludeScopes = true;
                });

        builder.Services.AddOptions<AspNetCoreTraceInstrumentationOptions>()
            .Configure<IOptions<TelemetryOptions>>((o, telemetry) => o.Filter = http => !IsQuiet(http.Request.Path, telemetry.Value));
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

    /// <summary>Probes and scrapes would drown the traces that matter.</summary>
    private static bool IsQuiet(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || (options.Prometheus.Enabled && path.StartsWithSegments(options.Prometheus.Path, StringComparison.OrdinalIgnoreCase));
}
