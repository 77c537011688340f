using System.Globalization;
using System.Text;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Tests.Gate;

public sealed class BriefSweepTests
{
    [Fact]
    public async Task Sweep_EveryBrief_RecordsTheGateVerdict()
    {
        var dump = Environment.GetEnvironmentVariable("ARCHITECT_SWEEP_OUT");
        var table = new StringBuilder("| brief | verdict | score | rounds | failed |\n|---|---|---|---|---|\n");
        foreach (var file in BriefSweep.Files())
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var harness = new DesignHarness();
            var doc = await harness.DesignAsync(File.ReadAllText(file));
            var gate = doc.Gate!;
            table.Append(CultureInfo.InvariantCulture, $"| {name} | {gate.Verdict.ToString().ToLowerInvariant()} | {gate.Score} | {gate.Iteration} | {string.Join(", ", gate.Items.Where(i => i.Status == GateItemStatus.Fail).Select(i => i.Id))} |\n");
            if (dump is { Length: > 0 })
            {
                BriefSweep.Dump(dump, name, doc);
            }
        }

        if (dump is { Length: > 0 })
        {
            File.WriteAllText(Path.Combine(dump, "gate.md"), table.ToString());
        }

        Assert.NotEqual(0, table.Length);
    }
}
