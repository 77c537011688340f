using ArchitectAgents.Core.Engine;

namespace ArchitectAgents.Bench.Models;

/// <summary>
/// Item 3: input tokens per run, counted by the stub model (characters / 4 of everything sent), with the engine's
/// section-scoped context versus the whole-transcript baseline, on the same briefs and the same stub replies.
/// </summary>
public static class Tokens
{
    private const string Item = "3 Tokens";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter log)
    {
        await using var rig = await StubRig.StartAsync(options.Root, TimeSpan.Zero);
        var dir = Path.Combine(options.Root, "examples", "briefs");
        var briefs = (options.TokenBriefs.Count > 0 ? options.TokenBriefs.Select(b => Path.Combine(dir, b)) : Directory.GetFiles(dir, "*.md"))
            .Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        long scopedTotal = 0, wholeTotal = 0;
        int scopedCalls = 0, wholeCalls = 0;
        foreach (var path in briefs)
        {
            var brief = await File.ReadAllTextAsync(path);
            var (scoped, sCalls) = await CountAsync(rig, () => rig.RunAsync(brief));
            var (whole, wCalls) = await CountAsync(rig, () => rig.RunAsync(brief, provider: new WholeTranscriptProvider(rig.Provider, brief)));
            log.WriteLine($"[3] {Path.GetFileName(path)}: scoped {scoped} tokens in {sCalls} calls, whole transcript {whole} tokens in {wCalls} calls");
            scopedTotal += scoped;
            wholeTotal += whole;
            scopedCalls += sCalls;
            wholeCalls += wCalls;
        }

        double runs = briefs.Count;
        return
        [
            new(Item, "input tokens per run (section-scoped vs whole transcript)", Format.N(scopedTotal / runs, "0") + " tok", Format.N(wholeTotal / runs, "0") + " tok (whole transcript)",
                Format.Ratio(scopedTotal, wholeTotal, "scoped/whole"),
                $"{briefs.Count} brief(s) from examples/briefs, counted by the stub (chars/4); {scopedCalls} vs {wholeCalls} model calls in total"),
        ];
    }

    private static async Task<(long Tokens, int Calls)> CountAsync(StubRig rig, Func<Task<DesignRunResult>> run)
    {
        var before = rig.Stub.Calls.Count;
        var result = await run();
        if (result.Status is not (DesignRunStatus.Completed or DesignRunStatus.CompletedWithIssues))
        {
            throw new InvalidOperationException("a token-count run failed: " + result.Error);
        }

        var calls = rig.Stub.Calls.Skip(before).ToList();
        return (calls.Sum(c => c.InputTokens), calls.Count);
    }
}
