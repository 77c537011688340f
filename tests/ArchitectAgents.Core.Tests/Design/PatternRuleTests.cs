using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>The persona's pattern table read the right way round at every team size.</summary>
public sealed class PatternRuleTests
{
    [Theory]
    [InlineData(5, 0, false)]
    [InlineData(19, 0, false)]
    [InlineData(19, 6, false)] // named domains do not justify a split for a team under ~20
    [InlineData(20, 0, false)] // a large team without clear domains stays one deployable
    [InlineData(20, 4, true)]
    [InlineData(25, 0, false)]
    [InlineData(25, 5, true)]
    [InlineData(300, 0, false)]
    [InlineData(300, 9, true)]
    public void TeamSizeAndNamedDomains_DecideTheSplit(int team, int squads, bool split)
    {
        var decision = PatternSelector.Select(BriefFacts.Of(team, "AWS", squads, users: 50_000));

        Assert.Equal(split, decision.Kind == PatternKind.Microservices);
        if (team >= 20)
        {
            Assert.DoesNotContain("well under", decision.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("under the ~20", decision.Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("under the ~20", decision.Reason, StringComparison.Ordinal);
        }

        if (split)
        {
            Assert.Contains($"{squads} squads", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WhyNotServerless_FollowsTheBriefsWorkload_NotAFixedSentence()
    {
        var batch = PatternSelector.Select(BriefFacts.Of(4, "on-premises", shapes: ["batch"]));
        var spiky = PatternSelector.Select(BriefFacts.Of(6, "AWS", shapes: ["spiky", "read-heavy"]));

        string WhyNot(PatternDecision d) => d.Alternatives.Single(a => a.Pattern.StartsWith("Serverless", StringComparison.Ordinal)).WhyNot;
        Assert.DoesNotContain("steady", WhyNot(batch), StringComparison.Ordinal);
        Assert.DoesNotContain("steady", WhyNot(spiky), StringComparison.Ordinal);
        Assert.NotEqual(WhyNot(batch), WhyNot(spiky));
    }

    [Fact]
    public void SpikyBatchInACloud_GetsServerless_ButNotOnPremises()
    {
        Assert.Equal(PatternKind.Serverless, PatternSelector.Select(BriefFacts.Of(3, "Google Cloud", shapes: ["batch", "spiky"])).Kind);
        Assert.NotEqual(PatternKind.Serverless, PatternSelector.Select(BriefFacts.Of(3, "on-premises", shapes: ["batch", "spiky"])).Kind);
    }
}
