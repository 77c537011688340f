using System.Runtime.InteropServices;
using System.Text;

namespace ArchitectAgents.Bench;

/// <summary>The one table, as Markdown, and the results file around it.</summary>
public static class Report
{
    public static string Table(IReadOnlyList<ResultRow> rows)
    {
        var text = new StringBuilder()
            .AppendLine("| Item | Metric | Measured | Baseline (same run) | Ratio | Notes |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine($"| {Cell(r.Item)} | {Cell(r.Metric)} | {Cell(r.Value)} | {Cell(r.Baseline)} | {Cell(r.Ratio)} | {Cell(r.Note)} |");
        }

        return text.ToString();
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return $"{Environment.MachineName}: {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory ?? "? memory"}, " +
               $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {load} when the run started";
    }

    public static string Document(BenchOptions options, IReadOnlyList<ResultRow> rows, string machine, TimeSpan elapsed, string? remark) =>
        new StringBuilder()
            .AppendLine($"# Benchmark results {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine($"Machine: {machine}.")
            .AppendLine()
            .AppendLine(remark is null ? "" : remark + Environment.NewLine)
            .AppendLine($"Produced by `bench/run.sh` in {elapsed.TotalMinutes:0.0} min (configuration {options.Configuration}). Every ratio divides two figures measured in this same run.")
            .AppendLine()
            .Append(Table(rows))
            .ToString();

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
