namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// What a vague brief leaves open is assumed out loud: a budget or date said without a figure gets a figure to
/// confirm, members' posts get a moderation assumption, and a public sign-up gets GDPR's basics; a staff tool does not.
/// </summary>
public sealed class UnstatedAssumptionTests
{
    [Fact]
    public async Task AVagueCommunity_AssumesBudgetDeadlineModerationAndGdprBasics()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Hobby club site
            People should be able to sign up, write posts and comment on posts. Ideally it's cheap to run, and we'd like
            something live fairly soon.
            """);

        var topics = doc.Context!.Assumptions.ToLookup(a => a.Topic, a => a.Statement);
        Assert.Contains("USD 200 a month", Assert.Single(topics["budget"]), StringComparison.Ordinal);
        Assert.Contains("three months", Assert.Single(topics["deadline"]), StringComparison.Ordinal);
        Assert.Contains("report", Assert.Single(topics["moderation"]), StringComparison.Ordinal);
        Assert.Contains("GDPR", doc.Context.Compliance);
        Assert.Contains("/erasure", doc.Design!.Api.OpenApiYaml, StringComparison.Ordinal);
        Assert.Contains(doc.Design.Deployment.SecurityControls, c => c.Contains("privacy notice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStaffTool_GetsNoModerationQueueOrSignUpPrivacyAssumption()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Internal notice board
            Employees write posts and comment on posts on our internal intranet. About 400 employees.
            """);

        Assert.DoesNotContain(doc.Context!.Assumptions, a => a.Topic == "moderation");
        Assert.DoesNotContain("GDPR", doc.Context.Compliance);
    }
}
