namespace ArchitectAgents.Cli;

/// <summary>
/// Checks an output directory before a run and fills it only once the run has succeeded: files are written
/// to a sibling staging directory, then moved in, so a failed run leaves nothing behind.
/// </summary>
internal sealed class OutputDirectory
{
    private OutputDirectory(string path) => FullPath = path;

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

        return new OutputDirectory(full);
    }

    public IReadOnlyList<string> Write(IReadOnlyDictionary<string, string> files)
    {
        var parent = Path.GetDirectoryName(FullPath) ?? FullPath;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(FullPath)}.architect-{Guid.NewGuid():N}");
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
