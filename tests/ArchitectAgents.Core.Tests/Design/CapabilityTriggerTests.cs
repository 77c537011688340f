using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A capability is called for only by a real feature of the model: a verb on a fitting object, a shape with a stated
/// crowd, a constraint of the right kind; words in background prose or a verb on the wrong object call for nothing.
/// </summary>
public sealed class CapabilityTriggerTests
{
    private static List<CapabilityUse> Capabilities(DesignFacts f) =>
        ComponentPlanner.Plan(f, PatternSelector.Select(f), KnowledgeBase.Default).Capabilities;

    private static UseCase Case(string actor, string action, string obj, string text) =>
        new() { Id = "uc-" + action, Actor = actor, Action = action, Object = obj, Text = text };

    [Fact]
    public void MembersPostComments_GetModeration_ButNoLedger()
    {
        var f = BriefFacts.Of(3);
        f.Context.Requirements.UseCases.Add(Case("Members", "post", "comments", "Members post comments under each article."));

        var caps = Capabilities(f);

        Assert.DoesNotContain(caps, c => c.Id == "double-entry-ledger");
        var moderation = Assert.Single(caps, c => c.Id == "moderation");
        Assert.Contains("post comments", moderation.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomersSendMoney_GetTheLedger_QuotingTheUseCase()
    {
        var f = BriefFacts.Of(12, "AWS");
        f.Context.Requirements.UseCases.Add(Case("Customers", "send", "money", "Customers send money to friends."));

        var ledger = Assert.Single(Capabilities(f), c => c.Id == "double-entry-ledger");
        Assert.Contains("send money", ledger.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExistingLedger_IsKept_NotBuiltAgain()
    {
        var f = BriefFacts.Of(40, "AWS");
        f.Context.Requirements.UseCases.Add(Case("Customers", "transfer", "money", "Customers transfer money between their accounts in the app."));
        f.Context.Requirements.ExistingDecisions.Add(new ExistingDecision { Decision = "the general ledger is an existing system", Text = "Balances live in our existing general ledger service." });

        var ledger = Assert.Single(Capabilities(f), c => c.Id == "double-entry-ledger");
        Assert.StartsWith("the existing system", ledger.Technology, StringComparison.Ordinal);
        Assert.Empty(ledger.Components);
    }

    [Fact]
    public void ChatWithLegalHold_GetsNoInventoryHold()
    {
        var f = BriefFacts.Of(8, "Azure", shapes: ["real-time"]);
        var model = f.Context.Requirements;
        model.UseCases.Add(Case("Compliance staff", "hold", "channels", "Compliance staff can put channels on legal hold."));
        model.Constraints.Add(new Constraint { Kind = "invariant", Value = "never deleted while on legal hold", Text = "Messages are never deleted while on legal hold." });
        model.ExistingDecisions.Add(new ExistingDecision { Decision = "ISO 27001", Text = "We hold ISO 27001 and renew it every year." });

        var caps = Capabilities(f);

        Assert.DoesNotContain(caps, c => c.Id == "inventory-holds");
        Assert.Contains(caps, c => c.Id == "realtime-push");
    }

    [Fact]
    public void SeatsThatMustNeverBeOversold_GetInventoryHolds()
    {
        var f = BriefFacts.Of(8, "AWS");
        f.Context.Requirements.Constraints.Add(new Constraint { Kind = "invariant", Value = "a seat is never oversold", Text = "A seat is never oversold." });

        var holds = Assert.Single(Capabilities(f), c => c.Id == "inventory-holds");
        Assert.Contains("invariant constraint", holds.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void SmallOrSteadyBriefs_GetNoWaitingRoom_AStatedCrowdAtASpikeDoes()
    {
        var steady = BriefFacts.Of(4, "AWS", shapes: ["steady"]);
        steady.Context.Requirements.Figures.Add(new Figure { Id = "fig-u", Quantity = "users", Value = 800, Unit = "users", Text = "about 800 users" });
        Assert.DoesNotContain(Capabilities(steady), c => c.Id == "waiting-room");

        // A spike alone (a busy Saturday lunch) is no on-sale crowd.
        var busy = BriefFacts.Of(3, shapes: ["spiky"]);
        busy.Context.Requirements.Figures.Add(new Figure { Id = "fig-r", Quantity = "bookings per day", Value = 1200, Unit = "bookings/day", Text = "1,200 bookings a day, most at lunch" });
        Assert.DoesNotContain(Capabilities(busy), c => c.Id == "waiting-room");

        var onSale = BriefFacts.Of(20, "AWS", shapes: ["spiky"]);
        onSale.Context.Requirements.Figures.Add(new Figure { Id = "fig-p", Quantity = "people", Value = 120_000, Unit = "people", Text = "120k people arrive when the festival tickets open" });
        var room = Assert.Single(Capabilities(onSale), c => c.Id == "waiting-room");
        Assert.Contains("spiky workload", room.Because, StringComparison.Ordinal);
        Assert.Contains("120,000 people", room.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsInBackgroundProse_CallForNothing_WordsInAConstraintDo()
    {
        var f = BriefFacts.Of(5, "AWS");
        var model = f.Context.Requirements;
        model.Entities.Add(new DomainEntity { Name = "report", Text = "The audit team reads a monthly report of our legacy ledger." });
        model.ExistingDecisions.Add(new ExistingDecision { Decision = "offices", Text = "Our offices are global and the old system was offline for a week." });
        var before = Capabilities(f).Select(c => c.Id).ToList();

        Assert.DoesNotContain("audit-trail", before);
        Assert.DoesNotContain("double-entry-ledger", before);
        Assert.DoesNotContain("strangler-migration", before);
        Assert.DoesNotContain("regional-edge-endpoints", before);
        Assert.DoesNotContain("offline-first-sync", before);

        model.Constraints.Add(new Constraint { Kind = "invariant", Value = "who changed each grade", Text = "We must see who changed each grade, with a full audit trail." });
        Assert.Contains(Capabilities(f), c => c.Id == "audit-trail" && c.Because.Contains("audit", StringComparison.Ordinal));
    }

    [Fact]
    public void ALooseFreshnessOrRpo_IsNoRealTimeOrZeroLossRequirement()
    {
        var f = BriefFacts.Of(5, "AWS");
        f.Context.Requirements.QualityTargets.Add(new QualityTarget { Attribute = "freshness", Value = 10, Unit = "minutes", Text = "visible within 10 minutes" });
        f.Context.Requirements.QualityTargets.Add(new QualityTarget { Attribute = "rpo", Value = 15, Unit = "minutes", Text = "RPO of 15 minutes" });
        var caps = Capabilities(f).Select(c => c.Id).ToList();

        Assert.DoesNotContain("realtime-push", caps);
        Assert.DoesNotContain("disaster-recovery-rpo0", caps);

        f.Context.Requirements.QualityTargets.Add(new QualityTarget { Attribute = "rpo", Value = 0, Unit = "minutes", Text = "RPO 0" });
        Assert.Contains(Capabilities(f), c => c.Id == "disaster-recovery-rpo0");
    }

    [Fact]
    public void ACapabilityNeverBringsASecondQueue_ASmallOnPremTeamUsesTheJobTable()
    {
        var f = BriefFacts.Of(4, "on-premises", skills: ["Java"], existing: ["VMware"], shapes: ["batch"]);
        var plan = ComponentPlanner.Plan(f, PatternSelector.Select(f), KnowledgeBase.Default);

        Assert.DoesNotContain(plan.Technologies, t => t.Tech.Id == "rabbitmq");
        Assert.Contains(plan.Capabilities, c => c.Id == "job-queue" && c.Technology.Contains("job table", StringComparison.Ordinal));
    }

    [Fact]
    public void ARuledOutOffTheShelfProduct_CallsForWeighingBuyAgainstBuild()
    {
        var f = BriefFacts.Of(8, "Azure");
        f.Context.Requirements.Constraints.Add(new Constraint { Kind = "exclusion", Value = "not Slack", Text = "Slack is not an option for us." });

        Assert.Contains(Capabilities(f), c => c.Id == "buy-not-build");

        // "teams" of people are no product.
        var g = BriefFacts.Of(8, "Azure");
        g.Context.Requirements.Constraints.Add(new Constraint { Kind = "exclusion", Value = "no new teams", Text = "We will not hire new teams for this." });
        Assert.DoesNotContain(Capabilities(g), c => c.Id == "buy-not-build");
    }

    [Fact]
    public void Catalogue_ReferencesOnlyClassesAndCategoriesThatExist()
    {
        var catalog = CapabilityCatalog.Default;
        var categories = KnowledgeBase.Default.Technologies.Technologies.Select(t => t.Category).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var capability in catalog.Capabilities)
        {
            for (var t = capability.Triggers; t is not null; t = t.Requires)
            {
                Assert.All(t.ObjectClasses, c => Assert.True(catalog.ObjectClasses.ContainsKey(c), $"{capability.Id}: class {c}"));
                Assert.All(t.Constraints.Where(c => c.Contains(':', StringComparison.Ordinal)), c => Assert.True(catalog.ObjectClasses.ContainsKey(c[(c.IndexOf(':', StringComparison.Ordinal) + 1)..]), $"{capability.Id}: {c}"));
                // A verb needs an object to match; a verb list with no object would call for nothing.
                Assert.True(t.Verbs.Count == 0 || t.Objects.Count + t.ObjectClasses.Count > 0, $"{capability.Id}: verbs without objects");
            }

            Assert.All(capability.Keeps, k => Assert.Contains(k, categories));
        }
    }
}
