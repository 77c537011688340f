using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Tests;

/// <summary>Gate assertions that say which items failed, so a red test names the cause.</summary>
internal static class GateAssert
{
    public static void Passed(GateSection? gate)
    {
        Assert.NotNull(gate);
        var failed = gate.Items.Where(i => i.Status == GateItemStatus.Fail).Select(i => $"{i.Id}: {i.Evidence}");
        Assert.True(gate.Verdict == GateVerdict.Pass, $"gate verdict {gate.Verdict}; failed items: {string.Join(" | ", failed)}");
    }
}
