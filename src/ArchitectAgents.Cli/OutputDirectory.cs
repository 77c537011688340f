namespace ArchitectAgents.Cli;

/// <summary>
/// Checks an output directory before a run and fills it only once the run has succeeded: files are written
/// to a hidden staging directory (inside the output directory, or its nearest existing ancestor), then moved in, so a failed run leaves nothing behind.
/// </summary>
internal sealed class OutputDirectory
{
    private OutputDirectory(string path, string writableAncestor)
    {
        FullPath = path;
        _writableAncestor = writableAncestor;
    }

    private readonly string _writableAncestor;

    public string FullPath { get; }

    public static OutputDirectory Prepare(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new BadInputException("--out needs a directory path");
        }

        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new BadInputException($"--out '{path}' is a file, not a directory");
        }

        var probeDir = full;
        while (!Directory.Exists(probeDir))
        {
            probeDir = Path.GetDirectoryName(probeDir) ?? throw new BadInputException($"--out '{path}' has no existing parent directory");
            if (File.Exists(probeDir))
            {
                throw new BadInputException($"--out '{path}' is inside '{probeDir}', which is a file");
            }
        }

        try
        {
            var probe = Path.Combine(probeDir, $".architect-write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--out '{path}' is not writable: {ex.Message}");
        }

        return new OutputDirectory(full, probeDir);
    }

    public IReadOnlyList<string> Write(IReadOnlyDictionary<string, string> files)
    {
        // Stage in the directory already checked to be writable (the output directory itself when it exists).
        var staging = Path.Combine(_writableAncestor, $".architect-staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(staging, name), content);
            }

            Directory.CreateDirectory(FullPath);
            var written = new List<string>();
            foreach (var name in files.Keys)
            {
                var target = Path.Combine(FullPath, name);
                File.Move(Path.Combine(staging, name), target, overwrite: true);
                written.Add(target);
            }

            return written;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
