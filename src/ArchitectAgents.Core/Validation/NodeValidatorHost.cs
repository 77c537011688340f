using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchitectAgents.Core.Validation;

/// <summary>
/// One long-lived Node process running a script of <c>tools/validators</c> (<c>validate.mjs</c>: Mermaid's parser
/// and PGlite; <c>annotate.mjs</c>: the NLP library), spoken to over JSON lines. Starting Node and loading the
/// libraries costs seconds, so the process is shared by every request; it is restarted if it dies or hangs.
/// </summary>
public sealed class NodeValidatorHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _node;
    private readonly string _toolsDirectory;
    private readonly TimeSpan _timeout;
    private readonly string _script;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _pending = new();
    private Process? _process;
    private long _nextId;

    /// <summary>Creates a host; nothing starts until the first request.</summary>
    /// <param name="toolsDirectory">Folder holding validate.mjs and its node_modules.</param>
    /// <param name="node">Node executable (a name on PATH or a path).</param>
    /// <param name="timeout">Per-request limit, including start-up on first use.</param>
    /// <param name="script">The script in that folder to run.</param>
    public NodeValidatorHost(string toolsDirectory, string node = "node", TimeSpan? timeout = null, string script = "validate.mjs")
    {
        _script = script;
        _toolsDirectory = Path.GetFullPath(toolsDirectory);
        _node = node;
        _timeout = timeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>Why the host cannot run, or null when it can (tools present; Node itself is probed on first use).</summary>
    public string? MissingTool(string package)
    {
        if (!File.Exists(Path.Combine(_toolsDirectory, _script)))
        {
            return $"script {_script} not found in {_toolsDirectory}";
        }

        return Directory.Exists(Path.Combine(_toolsDirectory, "node_modules", package))
            ? null
            : $"npm package '{package}' not installed (run 'npm ci' in {_toolsDirectory})";
    }

    /// <summary>
    /// Starts the process and has it load its libraries now, without waiting: a caller that knows a check will
    /// come (a design run validates after its designer) overlaps those seconds with its own work. Best effort:
    /// whatever goes wrong here is met again, and reported, by the first real request.
    /// </summary>
    public void WarmUp()
    {
        if (!File.Exists(Path.Combine(_toolsDirectory, _script)) || !Directory.Exists(Path.Combine(_toolsDirectory, "node_modules")))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RequestAsync("warm", "", CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException)
            {
                // Disposed or stopped while warming: nothing was waiting for it.
            }
        });
    }

    /// <summary>Sends one document to the Node process.</summary>
    /// <returns>The parser's verdict, or a <see cref="NodeResponse"/> with <see cref="NodeResponse.Unavailable"/> set when Node could not run.</returns>
    public async Task<NodeResponse> CheckAsync(string kind, string text, CancellationToken cancellationToken)
    {
        var (line, unavailable) = await RequestAsync(kind, text, cancellationToken).ConfigureAwait(false);
        if (unavailable is not null)
        {
            return NodeResponse.NotAvailable(unavailable);
        }

        try
        {
            return JsonSerializer.Deserialize<NodeResponse>(line!, Json) ?? NodeResponse.NotAvailable("the Node process answered null");
        }
        catch (JsonException ex)
        {
            return NodeResponse.NotAvailable("the Node process answered malformed JSON: " + ex.Message);
        }
    }

    /// <summary>Sends one request and returns the raw JSON line answering it, or why Node could not answer.</summary>
    public async Task<(string? Line, string? Unavailable)> RequestAsync(string kind, string text, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            return (null, $"node not found ('{_node}': {ex.Message})");
        }

        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pending = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = pending;
        try
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { id, kind, text }, Json).AsMemory(), cancellationToken).ConfigureAwait(false);
                await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }

            var line = await pending.Task.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
            return line is null ? (null, $"the Node process ({_script}) exited") : (line, null);
        }
        catch (TimeoutException)
        {
            Kill(process);
            return (null, $"the Node process ({_script}) did not answer within {_timeout.TotalSeconds:0} s");
        }
        catch (IOException ex)
        {
            Kill(process);
            return (null, $"the Node process ({_script}) stopped: {ex.Message}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task<Process> EnsureStartedAsync(CancellationToken ct)
    {
        if (_process is { HasExited: false } running)
        {
            return running;
        }

        await _startLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_process is { HasExited: false } started)
            {
                return started;
            }

            var info = new ProcessStartInfo(_node)
            {
                WorkingDirectory = _toolsDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(_script);
            var process = Process.Start(info) ?? throw new Win32Exception("the process did not start");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            _ = Task.Run(() => ReadLoopAsync(process), CancellationToken.None);
            _process = process;
            return process;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task ReadLoopAsync(Process process)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                string? id;
                try
                {
                    id = JsonSerializer.Deserialize<NodeMessageId>(line, Json)?.Id;
                }
                catch (JsonException)
                {
                    continue;
                }

                if (id is not null && _pending.TryGetValue(id, out var waiter))
                {
                    waiter.TrySetResult(line);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }

        foreach (var waiter in _pending.Values)
        {
            waiter.TrySetResult(null);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
            {
                Kill(process);
            }

            process.Dispose();
        }

        _startLock.Dispose();
        _writeLock.Dispose();
    }
}

/// <summary>Only the id of a response line, to route it to its waiter without reading the rest.</summary>
internal sealed class NodeMessageId
{
    /// <summary>Request id.</summary>
    public string? Id { get; set; }
}

/// <summary>What the Node validator said about one document.</summary>
public sealed class NodeResponse
{
    /// <summary>Request id.</summary>
    public string? Id { get; set; }

    /// <summary>True when the parser accepted the document.</summary>
    public bool Ok { get; set; }

    /// <summary>Parser errors.</summary>
    public List<NodeError> Errors { get; set; } = [];

    /// <summary>Extra information (diagram type, how SQL was applied).</summary>
    public string? Detail { get; set; }

    /// <summary>True when the parser itself failed (not the document).</summary>
    public bool Internal { get; set; }

    /// <summary>Set when Node could not be used at all; the validation must then be skipped.</summary>
    [JsonIgnore]
    public string? Unavailable { get; private set; }

    internal static NodeResponse NotAvailable(string reason) => new() { Unavailable = reason };
}

/// <summary>One parser error.</summary>
public sealed class NodeError
{
    /// <summary>1-based line.</summary>
    public int? Line { get; set; }

    /// <summary>1-based column.</summary>
    public int? Column { get; set; }

    /// <summary>The parser's message.</summary>
    public string Message { get; set; } = "";
}
