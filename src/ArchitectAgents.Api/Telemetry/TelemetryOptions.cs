namespace ArchitectAgents.Api.Telemetry;

/// <summary>OpenTelemetry settings (section <c>Telemetry</c>); the standard <c>OTEL_*</c> variables work too.</summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary><c>service.name</c> of the resource; <c>OTEL_SERVICE_NAME</c> wins when set.</summary>
    public string ServiceName { get; set; } = "architect-agents";

    /// <summary>Record message content (prompts, replies, tool arguments) on GenAI spans. Off: it may hold personal data.</summary>
    public bool EnableSensitiveData { get; set; }

    /// <summary>Where traces, metrics and logs are exported.</summary>
    public OtlpSettings Otlp { get; set; } = new();

    /// <summary>The Prometheus scrape endpoint.</summary>
    public PrometheusSettings Prometheus { get; set; } = new();
}

/// <summary>OTLP exporter settings. Nothing is exported unless an endpoint is set here or in <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c>.</summary>
internal sealed class OtlpSettings
{
    /// <summary>Collector base address, e.g. <c>http://localhost:4317</c> (grpc) or <c>http://localhost:4318</c> (http/protobuf).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>; by default what <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> says, else grpc.</summary>
    public string? Protocol { get; set; }

    /// <summary>Extra headers as <c>key=value,key2=value2</c> (an API key of a hosted backend, for example).</summary>
    public string? Headers { get; set; }
}

/// <summary>Prometheus scrape endpoint settings.</summary>
internal sealed class PrometheusSettings
{
    /// <summary>Serve the scrape endpoint.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Its path.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>Require the API's authentication (an API key or a bearer token) on the scrape endpoint.</summary>
    public bool RequireAuthentication { get; set; }
}
