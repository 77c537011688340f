using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace ArchitectAgents.Api.Telemetry;

/// <summary>
/// Where OTLP goes: <c>Telemetry:Otlp:*</c>, else the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
/// <c>_PROTOCOL</c> and <c>_HEADERS</c>. Null when no endpoint is configured: then nothing is exported.
/// </summary>
internal sealed record OtlpTarget(Uri Endpoint, OtlpExportProtocol Protocol, string? Headers)
{
    public static OtlpTarget? From(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var settings = services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Otlp;
        var endpoint = NonEmpty(settings.Endpoint) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (endpoint is null)
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"Telemetry:Otlp:Endpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an http(s) URL, not '{endpoint}'.");
        }

        var protocolName = NonEmpty(settings.Protocol) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? "grpc";
        var protocol = protocolName.Trim().ToLowerInvariant() switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"Telemetry:Otlp:Protocol (or OTEL_EXPORTER_OTLP_PROTOCOL) must be 'grpc' or 'http/protobuf', not '{protocolName}'."),
        };
        return new OtlpTarget(uri, protocol, NonEmpty(settings.Headers) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_HEADERS"]));
    }

    /// <summary>Exporter options for one signal; over http/protobuf the signal's path is appended to the base address.</summary>
    public OtlpExporterOptions Options(string signalPath) => new()
    {
        Protocol = Protocol,
        Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(Endpoint.ToString().TrimEnd('/') + signalPath) : Endpoint,
        Headers = Headers,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
