using System.Diagnostics;
using System.Globalization;
using ArchitectAgents.Bench;

// architect-bench: runs the benchmark items, prints one table, writes bench/results/<yyyy-mm-dd>-<machine>.md.
// Options: --tiny (sizes for a smoke run), --only 1,2,3, --many-runs N, --throughput-runs N, --engine-runs N,
// --no-bdn, --no-langgraph, --postgres "<connection string>", --configuration Release, --out <file>, --remark "<text>".
var root = Repo.FindRoot();
var options = args.Contains("--tiny") ? BenchOptions.Tiny(root) : new BenchOptions { Root = root };
string? output = null;
string? remark = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
    options = args[i] switch
    {
        "--tiny" => options,
        "--only" => options with { Only = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet() },
        "--many-runs" => options with { ManyRuns = Int() },
        "--many-runs-timeout" => options with { ManyRunsTimeout = TimeSpan.FromSeconds(Int()) },
        "--throughput-runs" => options with { ThroughputRuns = Int() },
        "--engine-runs" => options with { EngineRuns = Int() },
        "--cold-start-runs" => options with { ColdStartRuns = Int() },
        "--no-bdn" => options with { UseBenchmarkDotNet = false },
        "--no-langgraph" => options with { LangGraph = false },
        "--postgres" => options with { Postgres = Next() },
        "--configuration" => options with { Configuration = Next() },
        "--out" => Set(ref output, Next(), options),
        "--remark" => Set(ref remark, Next(), options),
        _ => throw new ArgumentException($"unknown option {args[i]}"),
    };
}

options = options with { Postgres = options.Postgres ?? NullIfEmpty(Environment.GetEnvironmentVariable("ARCHITECT_BENCH_POSTGRES")) };
var machine = Report.Machine();
Console.Error.WriteLine("machine: " + machine);
var started = Stopwatch.GetTimestamp();
var rows = await Harness.RunAsync(options, Console.Error);
var elapsed = Stopwatch.GetElapsedTime(started);

var table = Report.Table(rows);
Console.WriteLine();
Console.WriteLine(table);
output ??= Path.Combine(root, "bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-{Environment.MachineName}.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, Report.Document(options, rows, machine, elapsed, remark));
Console.WriteLine($"written to {output} ({elapsed.TotalMinutes:0.0} min)");
return rows.Any(r => r.Metric == "failed") ? 1 : 0;

static BenchOptions Set(ref string? target, string value, BenchOptions options)
{
    target = value;
    return options;
}

static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
