using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Models;
using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Cli;

/// <summary>
/// What 'architect resume' needs to continue a CLI run that stopped (model outage, budget, Ctrl+C): the run's
/// settings in <c>run.json</c> and its superstep checkpoints, in a directory of its own under the state
/// directory (<c>Cli:StateDirectory</c>, default <c>~/.local/share/architect-agents/runs</c>). A run that
/// finishes removes its directory; the deliverable directory never holds any of it.
/// </summary>
internal sealed record CliRunState
{
    private const string FileName = "run.json";

    /// <summary>The run id, also the checkpoint session id.</summary>
    public required string RunId { get; init; }

    /// <summary>The deliverable directory the run writes to.</summary>
    public required string OutDir { get; init; }

    /// <summary>A workflow file given with --workflow (full path), or null for the configured default.</summary>
    public string? WorkflowFile { get; init; }

    /// <summary>Whether questions are asked at the prompt.</summary>
    public bool Interactive { get; init; }

    /// <summary>Model overrides and budget of the run.</summary>
    public RunModelOptions? Options { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Why it last stopped, when it did.</summary>
    public string? LastError { get; init; }

    /// <summary>The directory that holds every resumable run.</summary>
    public static string Root(IConfiguration configuration)
    {
        if (configuration["Cli:StateDirectory"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        return Path.Combine(Runs.Store.RunStoreLocation.DataDirectory(), "runs");
    }

    /// <summary>The directory of one run.</summary>
    public static string DirectoryOf(string root, string runId) => Path.Combine(root, runId);

    /// <summary>Writes the state; returns false (and the run goes on without resume) when the directory cannot be written.</summary>
    public bool TrySave(string root, out string? problem)
    {
        try
        {
            var dir = DirectoryOf(root, RunId);
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, FileName + ".tmp");
            File.WriteAllText(temp, JsonSerializer.Serialize(this, DocumentJson.Indented));
            File.Move(temp, Path.Combine(dir, FileName), overwrite: true);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>Loads a run's state, or null when there is no such resumable run.</summary>
    public static CliRunState? Load(string root, string runId)
    {
        // A run id names a directory: nothing that could walk out of the state directory.
        if (runId.Length is 0 or > 100 || !runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var file = Path.Combine(DirectoryOf(root, runId), FileName);
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<CliRunState>(File.ReadAllText(file), DocumentJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every resumable run, newest first.</summary>
    public static IReadOnlyList<CliRunState> All(string root) =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateDirectories(root).Select(d => Load(root, Path.GetFileName(d))).OfType<CliRunState>().OrderByDescending(s => s.CreatedAt)]
            : [];

    /// <summary>Removes a finished run's state.</summary>
    public static void Delete(string root, string runId)
    {
        try
        {
            Directory.Delete(DirectoryOf(root, runId), recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind, it only lists a finished run as resumable; resuming it says so.
        }
    }
}
