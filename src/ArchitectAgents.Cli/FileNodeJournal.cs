using System.Globalization;
using ArchitectAgents.Core.Engine;

namespace ArchitectAgents.Cli;

/// <summary>
/// The CLI's node journal: one JSON file per completed node invocation in the run's state directory, so
/// 'architect resume' replays finished agents (a killed or interrupted run pays for nothing twice). A file is
/// written beside its final name, flushed to disk and then renamed, so a crash leaves either the whole entry or none.
/// </summary>
internal sealed class FileNodeJournal(string directory) : INodeJournal
{
    public async ValueTask<NodeJournalEntry?> FindAsync(string runId, string node, int invocation, CancellationToken cancellationToken)
    {
        var path = PathOf(node, invocation);
        return File.Exists(path) ? NodeJournalEntry.FromJson(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)) : null;
    }

    public async ValueTask RecordAsync(string runId, NodeJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var path = PathOf(entry.Node, entry.Invocation);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        // Not cancellable: the work is done and paid for; Ctrl+C must not lose its result.
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await using var writer = new StreamWriter(file);
            await writer.WriteAsync(entry.ToJson()).ConfigureAwait(false);
            await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    // Node ids come from a workflow file: anything but letters, digits and '-' is spelled out, so an id never walks out of the directory.
    private string PathOf(string node, int invocation) =>
        Path.Combine(directory, $"{string.Concat(node.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c.ToString() : $"_{(int)c:x4}"))}.{invocation.ToString(CultureInfo.InvariantCulture)}.json");
}
