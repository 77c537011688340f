namespace ArchitectAgents.StubModel;

/// <summary>One scripted answer of the stub model.</summary>
public sealed record StubReply
{
    /// <summary>HTTP status; 200 sends a completion.</summary>
    public int Status { get; init; } = 200;

    /// <summary>Assistant text (200), or the error body (other statuses). Null with 200 means "answer like the offline agent".</summary>
    public string? Content { get; init; }

    /// <summary>Retry-After header value in seconds, for 429/503.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>A tool call to make instead of answering: function name and JSON arguments.</summary>
    public (string Name, string Arguments)? ToolCall { get; init; }

    /// <summary>Applied to the offline answer (when <see cref="Content"/> is null), to inject content into an otherwise valid reply.</summary>
    public Func<string, string>? Transform { get; init; }

    /// <summary>Extra delay before this reply.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Assistant text.</summary>
    public static StubReply Text(string content) => new() { Content = content };

    /// <summary>The offline agent's answer to the same input.</summary>
    public static StubReply Offline() => new();

    /// <summary>The offline agent's answer, changed by <paramref name="transform"/>.</summary>
    public static StubReply OfflineThen(Func<string, string> transform) => new() { Transform = transform };

    /// <summary>An HTTP error.</summary>
    public static StubReply Error(int status, int? retryAfterSeconds = null) => new()
    {
        Status = status,
        Content = "{\"error\":{\"message\":\"stub error " + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\",\"type\":\"server_error\",\"code\":null}}",
        RetryAfterSeconds = retryAfterSeconds,
    };

    /// <summary>A function call.</summary>
    public static StubReply CallTool(string name, string arguments) => new() { ToolCall = (name, arguments) };
}
