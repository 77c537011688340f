using System.Collections.Concurrent;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ArchitectAgents.Core.Verification;

/// <summary>
/// An MCP client session with a context7 server: starts it (stdio) or connects to it (Streamable HTTP), finds its
/// tools from <c>tools/list</c> (<c>query-docs</c>, or <c>get-library-docs</c> on servers older than 2.0) and turns
/// its text answers into results or <see cref="VerificationSourceException"/>s.
/// </summary>
public sealed class Context7Client : IAsyncDisposable
{
    /// <summary>The tool that resolves a library name to an id.</summary>
    public const string ResolveTool = "resolve-library-id";

    /// <summary>The docs tool of current servers.</summary>
    public const string QueryDocsTool = "query-docs";

    /// <summary>The docs tool of servers before 2.0.0.</summary>
    public const string LegacyDocsTool = "get-library-docs";

    private readonly McpClient _client;
    private readonly TimeSpan _timeout;
    private readonly Func<string> _stderr;

    private Context7Client(McpClient client, IReadOnlyList<McpClientTool> tools, TimeSpan timeout, Func<string> stderr)
    {
        _client = client;
        _timeout = timeout;
        _stderr = stderr;
        Tools = tools;
        Resolve = tools.FirstOrDefault(t => t.Name == ResolveTool)
            ?? throw new VerificationSourceException($"context7 server offers no '{ResolveTool}' tool (tools: {string.Join(", ", tools.Select(t => t.Name))})");
        Docs = tools.FirstOrDefault(t => t.Name == QueryDocsTool) ?? tools.FirstOrDefault(t => t.Name == LegacyDocsTool)
            ?? throw new VerificationSourceException($"context7 server offers neither '{QueryDocsTool}' nor '{LegacyDocsTool}' (tools: {string.Join(", ", tools.Select(t => t.Name))})");
    }

    /// <summary>Every tool the server listed.</summary>
    public IReadOnlyList<McpClientTool> Tools { get; }

    /// <summary>The <c>resolve-library-id</c> tool.</summary>
    public McpClientTool Resolve { get; }

    /// <summary>The docs tool: <c>query-docs</c>, or <c>get-library-docs</c> on an older server.</summary>
    public McpClientTool Docs { get; }

    /// <summary>Connects as <paramref name="options"/> say.</summary>
    public static Task<Context7Client> ConnectAsync(Context7Options options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stderr = new ConcurrentQueue<string>();
        IClientTransport transport;
        try
        {
            transport = CreateTransport(options, stderr);
        }
        catch (UriFormatException ex)
        {
            throw new VerificationSourceException($"Verification:Context7:Endpoint '{options.Endpoint}' is not a URL: {ex.Message}", ex);
        }

        // The start-up banner is not news; only what the server said besides it explains a failure.
        return ConnectAsync(transport, TimeSpan.FromSeconds(Math.Max(1, options.StartTimeoutSeconds)), TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
            () => string.Join(" | ", stderr.Where(l => !l.Contains("MCP Server", StringComparison.Ordinal) || !l.Contains("running on", StringComparison.Ordinal))), cancellationToken);
    }

    /// <summary>Connects over any MCP transport (tests use in-process servers); <paramref name="timeout"/> bounds the start and each call.</summary>
    public static Task<Context7Client> ConnectAsync(IClientTransport transport, TimeSpan timeout, CancellationToken cancellationToken) =>
        ConnectAsync(transport, timeout, timeout, null, cancellationToken);

    private static async Task<Context7Client> ConnectAsync(IClientTransport transport, TimeSpan timeout, TimeSpan callTimeout, Func<string>? stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        stderr ??= () => "";
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        McpClient? client = null;
        try
        {
            client = await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "architect-docs-verifier", Version = "1.0" },
                InitializationTimeout = timeout,
            }, cancellationToken: cts.Token).ConfigureAwait(false);
            var tools = await client.ListToolsAsync(cancellationToken: cts.Token).ConfigureAwait(false);
            return new Context7Client(client, [.. tools], callTimeout, stderr);
        }
        catch (Exception ex) when (ex is not VerificationSourceException && !cancellationToken.IsCancellationRequested)
        {
            if (client is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }

            var detail = stderr() is { Length: > 0 } err ? $" (server said: {Clip(err)})" : "";
            throw new VerificationSourceException(cts.IsCancellationRequested
                ? $"context7 server did not start within {timeout.TotalSeconds:0} s{detail}"
                : $"context7 server could not be reached: {FirstLine(ex.Message)}{detail}", ex);
        }
        catch (VerificationSourceException)
        {
            if (client is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>The transport <paramref name="options"/> describe.</summary>
    public static IClientTransport CreateTransport(Context7Options options, ConcurrentQueue<string>? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.EffectiveApiKey;
        if (string.Equals(options.Transport, "http", StringComparison.OrdinalIgnoreCase))
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (key is not null)
            {
                headers["Authorization"] = "Bearer " + key;
            }

            return new HttpClientTransport(new HttpClientTransportOptions
            {
                Name = "context7",
                Endpoint = new Uri(options.Endpoint),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
                ConnectionTimeout = TimeSpan.FromSeconds(Math.Max(1, options.StartTimeoutSeconds)),
            });
        }

        if (!string.Equals(options.Transport, "stdio", StringComparison.OrdinalIgnoreCase))
        {
            throw new VerificationSourceException($"Verification:Context7:Transport is '{options.Transport}'; use 'stdio' or 'http'");
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (key is not null)
        {
            environment["CONTEXT7_API_KEY"] = key;
        }

        if (!string.IsNullOrWhiteSpace(options.ApiUrl))
        {
            // The server concatenates "${base}/v2/..." so a trailing slash would double it.
            environment["CONTEXT7_API_URL"] = options.ApiUrl.TrimEnd('/');
        }

        return new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "context7",
            Command = options.Command,
            Arguments = [.. options.EffectiveArgs],
            EnvironmentVariables = environment,
            ShutdownTimeout = TimeSpan.FromSeconds(2),
            StandardErrorLines = line =>
            {
                if (stderr is null || string.IsNullOrWhiteSpace(line))
                {
                    return;
                }

                stderr.Enqueue(line);
                while (stderr.Count > 5 && stderr.TryDequeue(out _))
                {
                }
            },
        });
    }

    /// <summary>Resolves <paramref name="libraryName"/>; throws when context7 finds nothing or fails.</summary>
    public async Task<(Context7Library Library, string Text)> ResolveAsync(string libraryName, string query, CancellationToken cancellationToken)
    {
        var text = await CallAsync(Resolve, new Dictionary<string, object?> { ["libraryName"] = libraryName, ["query"] = query }, cancellationToken).ConfigureAwait(false);
        if (Context7Text.Failure(text) is { } failure)
        {
            throw new VerificationSourceException(failure.StartsWith("No libraries found", StringComparison.OrdinalIgnoreCase)
                ? $"context7 found no library for '{libraryName}'"
                : "context7 resolve-library-id: " + failure);
        }

        var library = Context7Text.Pick(Context7Text.Libraries(text), libraryName)
            ?? throw new VerificationSourceException($"context7 resolve-library-id returned no library id for '{libraryName}': {Clip(text)}");
        return (library, text);
    }

    /// <summary>Queries the docs of <paramref name="libraryId"/>; throws when the answer is a failure text.</summary>
    public async Task<string> QueryDocsAsync(string libraryId, string query, CancellationToken cancellationToken)
    {
        var arguments = Docs.Name == LegacyDocsTool
            ? new Dictionary<string, object?> { ["context7CompatibleLibraryID"] = libraryId, ["topic"] = query }
            : new Dictionary<string, object?> { ["libraryId"] = libraryId, ["query"] = query };
        var text = await CallAsync(Docs, arguments, cancellationToken).ConfigureAwait(false);
        return Context7Text.Failure(text) is { } failure
            ? throw new VerificationSourceException($"context7 {Docs.Name}: {failure}")
            : text;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private async Task<string> CallAsync(McpClientTool tool, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(_timeout);
        CallToolResult result;
        try
        {
            result = await _client.CallToolAsync(tool.Name, arguments, cancellationToken: cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VerificationSourceException($"context7 {tool.Name} did not answer within {_timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is McpException or IOException or InvalidOperationException or HttpRequestException or ObjectDisposedException)
        {
            var detail = _stderr() is { Length: > 0 } err ? $" (server said: {Clip(err)})" : "";
            throw new VerificationSourceException($"context7 {tool.Name} failed: {FirstLine(ex.Message)}{detail}", ex);
        }

        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));
        return result.IsError == true
            ? throw new VerificationSourceException($"context7 {tool.Name} reported an error: {Clip(text)}")
            : text;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string Clip(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
