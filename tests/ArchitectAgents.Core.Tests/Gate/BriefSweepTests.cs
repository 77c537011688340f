using System.Globalization;
using System.Text;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Security;

namespace ArchitectAgents.Core.Tests.Gate;

/// <summary>
/// The offline run on every example and dev-set brief makes none of the contradictions the designer should never
/// make, and reports instructions only where a brief carries them. Set ARCHITECT_SWEEP_OUT to a folder to get each
/// run's deliverables and a table of verdicts.
/// </summary>
public sealed class BriefSweepTests
{
    // Contradictions the offline designer cannot remove because the context it is given holds them. None today: the
    // gatherer no longer assumes an RPO/RTO beside a brief that states its own (clinical-trial-edc did).
    private static readonly Dictionary<string, string[]> KnownFromContext = new(StringComparer.Ordinal);

    [Fact]
    public async Task Sweep_EveryBrief_NoContradictionTheDesignerShouldNeverMake()
    {
        var dump = Environment.GetEnvironmentVariable("ARCHITECT_SWEEP_OUT");
        var table = new StringBuilder("| brief | verdict | score | rounds | failed |\n|---|---|---|---|---|\n");
        var problems = new List<string>();
        var files = BriefSweep.Files().ToList();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var doc = await new DesignHarness().DesignAsync(File.ReadAllText(file));
            var gate = doc.Gate!;
            table.Append(CultureInfo.InvariantCulture, $"| {name} | {gate.Verdict.ToString().ToLowerInvariant()} | {gate.Score} | {gate.Iteration} | {string.Join(", ", gate.Items.Where(i => i.Status == GateItemStatus.Fail).Select(i => i.Id))} |\n");
            var known = KnownFromContext.GetValueOrDefault(name) ?? [];
            problems.AddRange(gate.Items.Where(i => i.Kind == "contradiction" && i.Status == GateItemStatus.Fail && !known.Contains(i.Id))
                .Select(i => $"{name}: {i.Id}: {i.Evidence}"));
            var injected = name.Contains("injection", StringComparison.Ordinal);
            var instructions = doc.Review!.Findings.Count(InstructionFinding.Is);
            if (injected ? instructions == 0 : instructions > 0)
            {
                problems.Add($"{name}: {instructions} instruction finding(s): {string.Join("; ", doc.Review.Findings.Where(InstructionFinding.Is).Select(f => f.Title))}");
            }

            if (dump is { Length: > 0 })
            {
                BriefSweep.Dump(dump, name, doc);
            }
        }

        if (dump is { Length: > 0 })
        {
            File.WriteAllText(Path.Combine(dump, "gate.md"), table.ToString());
        }

        Assert.True(files.Count >= 7, "no briefs found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
