using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Tests.Requirements;

/// <summary>A crowd inside a stated window sets the peak: derived, with the arithmetic, from the share that arrives.</summary>
public sealed class BurstFigureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CrowdInAWindow_GivesADerivedPeak_FromTheShareThatArrives()
    {
        var model = await RequirementsReader.Default.ReadAsync(
            "Registration opens at 08:00 and roughly 9,000 of our 31k students hit it in the first 15 minutes. Outside that week it is quiet, maybe 400 logins a day.", [], Ct);

        var peak = Assert.Single(model.Figures, f => f.Derived && f.Unit == "requests/s");
        Assert.Equal(100, peak.Value);
        Assert.Contains("9,000 students in 15 minutes", peak.Derivation, StringComparison.Ordinal);
        Assert.Contains("(assumed)", peak.Derivation, StringComparison.Ordinal);
        Assert.Contains(model.Figures, f => f.Derived && f.Unit == "students/s" && f.Value == 10);
    }

    [Fact]
    public async Task ADurationWithoutAWindowWord_IsNoBurst()
    {
        var model = await RequirementsReader.Default.ReadAsync("About 9,000 students use it; sessions time out after 15 minutes.", [], Ct);

        Assert.DoesNotContain(model.Figures, f => f.Derived && f.Unit == "requests/s" && f.Value == 100);
    }
}
