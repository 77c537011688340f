using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Tests.Gate;

/// <summary>A model-backed gate or reviewer may add findings, never remove or soften the computed ones.</summary>
public sealed class MergeRuleTests
{
    private static readonly GateSection ModelPass = new()
    {
        Verdict = GateVerdict.Pass,
        Score = 100,
        Summary = "Everything looks great.",
        Items = [new GateItem { Id = "contradiction.server-owned-fields", Kind = "contradiction", Status = GateItemStatus.Pass, Evidence = "looks fine" }, new GateItem { Id = "model.extra", Kind = "checklist", Status = GateItemStatus.Pass }],
    };

    [Fact]
    public void ModelGatePassingAComputedContradiction_IsTurnedIntoRevise_WithTheComputedItem()
    {
        var doc = BrokenDesigns.With(BrokenDesigns.ClientSettableStatus);
        var gate = Clone(ModelPass);

        var (sections, outcome) = ComputedFindings.Enforce(doc, new Dictionary<string, SectionBase> { [SectionNames.Gate] = gate }, "pass", revisionsLeft: 2);

        Assert.Equal("revise", outcome);
        var merged = (GateSection)sections[SectionNames.Gate];
        Assert.Equal(GateVerdict.Revise, merged.Verdict);
        var item = merged.Items.Single(i => i.Id == "contradiction.server-owned-fields");
        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("PaymentCreate.status", item.Evidence, StringComparison.Ordinal);
        Assert.Contains("contradiction.server-owned-fields", merged.SentBack);
        Assert.Contains(merged.Items, i => i.Id == "model.extra");
        Assert.True(merged.Score <= GateScore.MustHaveCap, $"score {merged.Score}");
    }

    [Fact]
    public void ModelGatePassingADesignThatMissesAUseCase_GetsTheComputedMatrix_AndRevises()
    {
        var doc = BrokenDesigns.Good();
        doc.Context!.Requirements.UseCases.Add(new UseCase { Id = "uc-1", Actor = "Finance", Action = "refund", Object = "disputed charge", Text = "Finance refunds disputed charges." });
        var gate = Clone(ModelPass);
        gate.Traceability = [new TraceRow { RequirementId = "uc-1", Kind = "use-case", Status = TraceStatus.Served, ServedBy = ["the model says so"] }];

        var (sections, outcome) = ComputedFindings.Enforce(doc, new Dictionary<string, SectionBase> { [SectionNames.Gate] = gate }, "pass", revisionsLeft: 2);

        Assert.Equal("revise", outcome);
        var merged = (GateSection)sections[SectionNames.Gate];
        Assert.Equal(TraceStatus.Unserved, Assert.Single(merged.Traceability, r => r.RequirementId == "uc-1").Status);
        Assert.Contains("trace.use-cases", merged.SentBack);
        Assert.Equal(GateItemStatus.Fail, merged.Items.Single(i => i.Id == "trace.use-cases").Status);
    }

    [Fact]
    public void ModelGateOnTheLastRound_Fails()
    {
        var (_, outcome) = ComputedFindings.Enforce(BrokenDesigns.With(BrokenDesigns.DeleteOnLedger), new Dictionary<string, SectionBase> { [SectionNames.Gate] = Clone(ModelPass) }, "pass", revisionsLeft: 0);

        Assert.Equal("fail", outcome);
    }

    [Fact]
    public void ConsistentDesign_KeepsTheModelsPass()
    {
        var (sections, outcome) = ComputedFindings.Enforce(BrokenDesigns.Good(), new Dictionary<string, SectionBase> { [SectionNames.Gate] = Clone(ModelPass) }, "pass", revisionsLeft: 2);

        Assert.Equal("pass", outcome);
        Assert.Equal(DesignCheckRegistry.Default.Checks.Count, ((GateSection)sections[SectionNames.Gate]).Items.Count(i => i.Kind == "contradiction"));
    }

    [Fact]
    public void ModelReviewDroppingOrResolvingAComputedFinding_GetsItBackOpen()
    {
        var doc = BrokenDesigns.With(d => { BrokenDesigns.ClientSettableStatus(d); BrokenDesigns.InjectedInstruction(d); });
        var review = new ReviewSection
        {
            Findings =
            [
                new Finding { Id = "API3.PaymentCreate", Severity = Severity.Low, Status = FindingStatus.Resolved, ResolvedInRound = 1 },
                new Finding { Id = "SEC-001", Severity = Severity.Medium, Status = FindingStatus.Open, Title = "model's own" },
            ],
        };

        var (sections, _) = ComputedFindings.Enforce(doc, new Dictionary<string, SectionBase> { [SectionNames.Review] = review }, "done", null);

        var merged = (ReviewSection)sections[SectionNames.Review];
        var mass = merged.Findings.Single(f => f.Id == "API3.PaymentCreate");
        Assert.Equal(FindingStatus.Open, mass.Status);
        Assert.Equal(Severity.High, mass.Severity);
        Assert.Contains(merged.Findings, f => f.Id == "INSTRUCTION-1" && f.Status == FindingStatus.Open);
        Assert.Contains(merged.Findings, f => f.Id == "SEC-001");
    }

    private static GateSection Clone(GateSection g) => new()
    {
        Verdict = g.Verdict,
        Score = g.Score,
        Summary = g.Summary,
        Items = [.. g.Items.Select(i => new GateItem { Id = i.Id, Kind = i.Kind, Title = i.Title, Status = i.Status, Evidence = i.Evidence })],
    };
}
