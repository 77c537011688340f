using ArchitectAgents.Core.Tools;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Verification;

/// <summary>
/// Gives model-backed agents the context7 tools their definitions list: <c>context7.resolve-library-id</c> and
/// <c>context7.query-docs</c> (also answered by an older server's <c>get-library-docs</c>, and requested as
/// <c>context7.get-library-docs</c>). The tools are the MCP server's own (<c>McpClientTool</c> is an
/// <see cref="AIFunction"/>) and keep the server's names, which are valid function names for every provider.
/// One session is opened on first use and kept; when the server cannot be reached no context7 tool is returned
/// and <see cref="LastError"/> says why, so the agent reports its entries as unverified instead of failing the run.
/// </summary>
public sealed class Context7ToolSource : IAgentToolSource, IAsyncDisposable, IDisposable
{
    /// <summary>Catalogue name of the resolve tool.</summary>
    public const string ResolveName = "context7.resolve-library-id";

    /// <summary>Catalogue name of the docs tool.</summary>
    public const string QueryDocsName = "context7.query-docs";

    /// <summary>Catalogue name of the docs tool of servers before 2.0.</summary>
    public const string LegacyDocsName = "context7.get-library-docs";

    private readonly Func<CancellationToken, Task<Context7Client>> _connect;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Context7Client? _client;

    /// <summary>Connects as <paramref name="options"/> say.</summary>
    public Context7ToolSource(Context7Options options)
        : this(ct => Context7Client.ConnectAsync(options, ct))
    {
    }

    /// <summary>Connects with <paramref name="connect"/> (tests, in-process servers).</summary>
    public Context7ToolSource(Func<CancellationToken, Task<Context7Client>> connect) => _connect = connect;

    /// <summary>Why the last connection attempt failed, or null.</summary>
    public string? LastError { get; private set; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AITool>> GetToolsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var wanted = names.Where(n => n is ResolveName or QueryDocsName or LegacyDocsName).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return [];
        }

        var tools = new List<AITool>();
        if (wanted.Contains(ResolveName))
        {
            tools.Add(client.Resolve);
        }

        if (wanted.Contains(QueryDocsName) || wanted.Contains(LegacyDocsName))
        {
            tools.Add(client.Docs);
        }

        return tools;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _client, null) is { } client)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous disposal for containers disposed with <c>Dispose</c>; ends the server session.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<Context7Client?> ClientAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is null)
            {
                _client = await _connect(cancellationToken).ConfigureAwait(false);
                LastError = null;
            }

            return _client;
        }
        catch (VerificationSourceException ex)
        {
            LastError = ex.Message;
            return null;
        }
        finally
        {
            _lock.Release();
        }
    }
}
