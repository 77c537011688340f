using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Bench.Tests;

/// <summary>
/// Runs the whole benchmark harness with tiny sizes so it cannot rot: every item must produce its rows from real
/// parts (the API process, the CLI, the stub model, SQLite). No timing is asserted; only what must hold at any speed.
/// </summary>
public sealed partial class HarnessSmokeTests
{
    [Fact]
    public async Task TinyRun_EveryItemProducesRatiosAndTheResultsFile()
    {
        var root = Repo.FindRoot();
        // The service and cold-start items start the binaries of the configuration this test was built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var options = BenchOptions.Tiny(root) with { Configuration = configuration };
        using var log = new StringWriter(CultureInfo.InvariantCulture);

        var rows = await Harness.RunAsync(options, log);

        Assert.DoesNotContain(rows, r => r.Metric == "failed");
        foreach (var item in new[] { "1 ", "2 ", "3 ", "4 ", "5 ", "6 " })
        {
            Assert.Contains(rows, r => r.Item.StartsWith(item, StringComparison.Ordinal) && RatioOf(r) is > 0);
        }

        // Section-scoped context must send fewer input tokens than the whole transcript for the same replies.
        var tokens = rows.Single(r => r.Item.StartsWith("3 ", StringComparison.Ordinal));
        Assert.True(RatioOf(tokens) < 1, tokens.ToString());

        // Every run in flight finished, and SSE delivered every stored event exactly once.
        Assert.Contains(rows, r => r.Item.StartsWith("5 ", StringComparison.Ordinal) && r.Value.StartsWith("3/3 ", StringComparison.Ordinal));
        Assert.Contains("3/3 finished runs' streams delivered all", rows.Single(r => r.Metric.StartsWith("SSE events", StringComparison.Ordinal)).Note, StringComparison.Ordinal);

        // Issue 10's measurements are declared, not invented.
        // The smoke run has no PostgreSQL, which the multi-worker item needs: it says so rather than inventing figures.
        Assert.Contains(rows, r => r.Item.StartsWith("7 ", StringComparison.Ordinal) && r.Value == "not measured");

        var document = Report.Document(options, rows, Report.Machine(), TimeSpan.FromMinutes(1), "smoke");
        Assert.Contains("| 3 Tokens | input tokens per run", document, StringComparison.Ordinal);
    }

    private static double? RatioOf(ResultRow row) =>
        RatioPattern().Match(row.Ratio) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^([0-9.]+)×")]
    private static partial Regex RatioPattern();
}
