using System.Diagnostics;

namespace ArchitectAgents.Bench;

/// <summary>
/// Item 6: wall time of <c>architect design examples/briefs/telehealth.md --non-interactive</c> as a new process
/// (offline default model, real validators), versus the bare process start <c>architect --help</c>, interleaved.
/// </summary>
public static class ColdStart
{
    private const string Item = "6 Cold start";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter log)
    {
        var cli = Path.Combine(options.Root, "src", "ArchitectAgents.Cli", "bin", options.Configuration, "net10.0", "architect.dll");
        var brief = Path.Combine("examples", "briefs", "telehealth.md");
        using var dir = new TempDir();
        var design = new List<double>();
        var help = new List<double>();

        // One untimed start of each warms the disk cache, as a second start by a user would find it (not for a single start).
        if (options.ColdStartRuns > 1)
        {
            await TimeAsync(cli, ["--help"], options);
            await TimeAsync(cli, ["design", brief, "--out", Path.Combine(dir.Path, "warm"), "--non-interactive"], options);
        }
        for (var i = 0; i < options.ColdStartRuns; i++)
        {
            help.Add(await TimeAsync(cli, ["--help"], options));
            design.Add(await TimeAsync(cli, ["design", brief, "--out", Path.Combine(dir.Path, "run" + i), "--non-interactive"], options));
        }

        var d = Format.Percentile(design, 50);
        var h = Format.Percentile(help, 50);
        log.WriteLine($"[6] design {d:0} ms, --help {h:0} ms");
        return
        [
            new(Item, "`architect design` telehealth brief, new process", Format.Ms(d), Format.Ms(h) + " (`architect --help`)", Format.Ratio(d, h, "design/bare start"),
                $"median of {options.ColdStartRuns} interleaved starts after one warm-up each when more than one (timed loop; hyperfine not used); offline model, real validators"),
        ];
    }

    private static async Task<double> TimeAsync(string cli, string[] args, BenchOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var (code, _, stderr) = await Processes.RunAsync("dotnet", [cli, .. args], options.Root, TimeSpan.FromMinutes(3));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // design exits 0 when the gate passed and 1 when it completed with issues; both are a finished run.
        return code is 0 or 1
            ? elapsed
            : throw new InvalidOperationException($"architect {string.Join(' ', args)} exited {code}: {stderr}");
    }
}
