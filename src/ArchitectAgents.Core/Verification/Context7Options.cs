namespace ArchitectAgents.Core.Verification;

/// <summary>Section <c>Verification:Context7</c>: how to reach the context7 MCP server.</summary>
public sealed class Context7Options
{
    /// <summary>The server package this build was verified against, started with npx by default.</summary>
    public const string PinnedPackage = "@upstash/context7-mcp@4.1.1";

    /// <summary>False skips context7 (entries then say the docs were not consulted).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>stdio</c> (start the server as a child process) or <c>http</c> (Streamable HTTP endpoint).</summary>
    public string Transport { get; set; } = "stdio";

    /// <summary>Command that starts the stdio server.</summary>
    public string Command { get; set; } = "npx";

    /// <summary>Arguments of <see cref="Command"/>; empty means <c>-y @upstash/context7-mcp@4.1.1</c>.</summary>
    public List<string> Args { get; set; } = [];

    /// <summary>Streamable HTTP endpoint (the hosted one by default).</summary>
    public string Endpoint { get; set; } = "https://mcp.context7.com/mcp";

    /// <summary>API key: sent as <c>Authorization: Bearer</c> over HTTP, passed as <c>CONTEXT7_API_KEY</c> over stdio. Falls back to the <c>CONTEXT7_API_KEY</c> environment variable.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Base of the context7 REST API the stdio server calls (<c>CONTEXT7_API_URL</c>); null keeps the server's default.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>Timeout of each tool call, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Timeout of starting or reaching the server and its handshake, in seconds (npx may first download the package).</summary>
    public int StartTimeoutSeconds { get; set; } = 120;

    /// <summary>The arguments actually used.</summary>
    public IReadOnlyList<string> EffectiveArgs => Args.Count > 0 ? Args : ["-y", PinnedPackage];

    /// <summary>The API key actually used: configured, else the environment's.</summary>
    public string? EffectiveApiKey => !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey : Environment.GetEnvironmentVariable("CONTEXT7_API_KEY") is { Length: > 0 } env ? env : null;
}
