using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Rendering;

namespace ArchitectAgents.Core.Tests.Gate;

/// <summary>
/// The traceability matrix and its gate items on a small design whose requirements model states one thing the
/// design does not serve at a time: each broken requirement is caught by its own item, named in the evidence, and
/// the same model with the design fixed passes.
/// </summary>
public sealed class TraceabilityTests
{
    private static DesignDocument Served()
    {
        var doc = BrokenDesigns.Good();
        var model = doc.Context!.Requirements;
        model.UseCases.Add(new UseCase { Id = "uc-1", Actor = "Customer", Action = "submit", Object = "payment", Text = "Customers submit a payment for an order." });
        model.UseCases.Add(new UseCase { Id = "uc-2", Actor = "Support", Action = "view", Object = "payments", Text = "Support staff view payments." });
        model.Figures.Add(new Figure { Id = "fig-1", Quantity = "payments per day", Value = 12_000, Unit = "payments/day", Text = "about 12k payments a day" });
        model.QualityTargets.Add(new QualityTarget { Attribute = "availability", Value = 99.9, Unit = "%", Text = "99.9% uptime" });
        model.Constraints.Add(new Constraint { Kind = "residency", Value = "EU", Text = "EU customers" });
        model.ExistingDecisions.Add(new ExistingDecision { Decision = "PostgreSQL as the database", Technologies = ["PostgreSQL"], Text = "we run PostgreSQL already" });
        doc.Design!.Scaling.Add(new ScalingPhase { Phase = "Launch", Trigger = "12,000 payments/day on one instance", Actions = ["one app instance"] });
        doc.Design.Deployment.Platform = "Managed containers in an EU region; all data stays in the EU.";
        return doc;
    }

    private static List<GateItem> Items(DesignDocument doc) => TraceItems.For(TraceabilityMatrix.Of(doc), doc);

    private static GateItem Item(DesignDocument doc, string id) => Assert.Single(Items(doc), i => i.Id == id);

    [Fact]
    public void ServedModel_PassesEveryTraceItem_AndEachRowNamesWhatServesIt()
    {
        var doc = Served();
        var rows = TraceabilityMatrix.Of(doc);

        Assert.All(Items(doc), i => Assert.True(i.Status == GateItemStatus.Pass, $"{i.Id}: {i.Evidence}"));
        Assert.Contains("operation POST /v1/payments", Assert.Single(rows, r => r.RequirementId == "uc-1").ServedBy);
        Assert.Contains("operation GET /v1/payments", Assert.Single(rows, r => r.RequirementId == "uc-2").ServedBy);
        Assert.Contains("design.scaling[0]", Assert.Single(rows, r => r.RequirementId == "fig-1").ServedBy);
        Assert.All(rows, r => Assert.Equal(TraceStatus.Served, r.Status));
    }

    [Fact]
    public void UseCaseWithoutAnOperation_FailsCoverage_NamingIt_AndCannotPass()
    {
        var doc = Served();
        doc.Context!.Requirements.UseCases.Add(new UseCase { Id = "uc-3", Actor = "Finance", Action = "refund", Object = "disputed charge", Text = "Finance refunds disputed charges." });

        var item = Item(doc, "trace.use-cases");

        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("'Finance refund disputed charge' (uc-3)", item.Evidence, StringComparison.Ordinal);
        Assert.Contains("2 of 3 use cases served", item.Evidence, StringComparison.Ordinal);
        Assert.True(GateScore.IsMustHave(item));
        Assert.True(GateScore.Of(Items(doc)) <= GateScore.MustHaveCap);
    }

    [Fact]
    public void ATeamsBeforeRule_IsServedOnlyByACheckInsideTheGuardedOperation_NotByASeparateCall()
    {
        var doc = Served();
        var model = doc.Context!.Requirements;
        model.Actors.Add(new Actor { Name = "Fraud engine", Kind = "system", Text = "The fraud engine screens every payment before it is captured." });
        model.UseCases.Add(new UseCase { Id = "uc-3", Actor = "Fraud engine", Action = "screen", Object = "payment", Rule = "before it is captured", Text = "The fraud engine screens every payment before it is captured." });
        var screen = "  /v1/payments/{id}/screen:\n    post:\n      operationId: screenPayment\n      x-tables: [payments]\n      responses: { '200': { description: screened } }\n  /v1/payments/{id}:\n";
        doc.Design!.Api.OpenApiYaml = doc.Design.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal).Replace("  /v1/payments/{id}:\n", screen, StringComparison.Ordinal);

        var separate = Assert.Single(TraceabilityMatrix.Of(doc), r => r.RequirementId == "uc-3");
        Assert.Equal(TraceStatus.Unserved, separate.Status);
        Assert.Contains("POST /v1/payments/{id}/screen", separate.Note, StringComparison.Ordinal);
        Assert.Contains("x-pre-checks", separate.Note, StringComparison.Ordinal);

        doc.Design.Api.OpenApiYaml = doc.Design.Api.OpenApiYaml.Replace("operationId: createPayment\n", "operationId: createPayment\n      x-pre-checks: [{ use-case: uc-3, budget: 200 ms p99 }]\n", StringComparison.Ordinal);
        var inside = Assert.Single(TraceabilityMatrix.Of(doc), r => r.RequirementId == "uc-3");
        Assert.Equal(TraceStatus.Served, inside.Status);
        Assert.Contains("operation POST /v1/payments (pre-check)", inside.ServedBy);
    }

    [Fact]
    public void ContractClaimWithoutTheUseCasesWords_DoesNotCount()
    {
        var doc = Served();
        doc.Context!.Requirements.UseCases.Add(new UseCase { Id = "uc-3", Actor = "Finance", Action = "refund", Object = "disputed charge", Text = "Finance refunds disputed charges." });
        doc.Design!.Api.OpenApiYaml = doc.Design.Api.OpenApiYaml.Replace("operationId: getPayment", "operationId: getPayment\n      x-use-cases: [uc-3]", StringComparison.Ordinal);

        Assert.Equal(TraceStatus.Unserved, Assert.Single(TraceabilityMatrix.Of(doc), r => r.RequirementId == "uc-3").Status);
    }

    [Fact]
    public void RefusalOfAKindOfProduct_FailsWhenTheKitAddsOne_AndHoldsWithOnlyTheBriefsOwn()
    {
        var doc = Served();
        doc.Brief!.Text += " Staff sign in with Okta. We don't want another identity product, and nobody here wants to run Kafka.";
        var model = doc.Context!.Requirements;
        model.ExistingDecisions.Add(new ExistingDecision { Decision = "We don't want another identity product", Text = "We don't want another identity product." });
        model.ExistingDecisions.Add(new ExistingDecision { Decision = "nobody here wants to run Kafka", Technologies = ["Kafka"], Text = "Team of 9, and nobody here wants to run Kafka." });
        model.Constraints.Add(new Constraint { Kind = "exclusion", Value = "don't want another identity product", Text = "We don't want another identity product." });
        model.Constraints.Add(new Constraint { Kind = "exclusion", Value = "nobody here wants to run Kafka", Text = "Team of 9, and nobody here wants to run Kafka." });
        doc.Design!.Technologies.Add(new TechnologyChoice { Id = "okta", Name = "Okta", Version = "managed", Category = "auth" });

        Assert.Equal(GateItemStatus.Pass, Item(doc, "trace.decisions").Status);
        Assert.Equal(GateItemStatus.Pass, Item(doc, "trace.constraints").Status);

        doc.Design.Technologies.Add(new TechnologyChoice { Id = "keycloak", Name = "Keycloak", Version = "26", Category = "auth" });
        var item = Item(doc, "trace.decisions");
        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("the kit adds Keycloak", item.Evidence, StringComparison.Ordinal);
        Assert.Equal(GateItemStatus.Fail, Item(doc, "trace.constraints").Status);

        doc.Design.Technologies.RemoveAll(t => t.Id == "keycloak");
        doc.Design.Technologies.Add(new TechnologyChoice { Id = "kafka", Name = "Apache Kafka", Version = "4.1", Category = "stream" });
        Assert.Contains("the kit includes Apache Kafka", Item(doc, "trace.decisions").Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void StatedLoadFigureIgnored_FailsFiguresItem()
    {
        var doc = Served();
        doc.Design!.Scaling.Clear();

        var item = Item(doc, "trace.figures");

        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("fig-1", item.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ExistingDecisionReplacedWithoutADeparture_Fails_AndARecordedDepartureServesIt()
    {
        var doc = Served();
        doc.Context!.Requirements.ExistingDecisions.Add(new ExistingDecision { Decision = "Adyen for card payments", Technologies = ["Adyen"], Text = "Card payments go through Adyen" });

        var item = Item(doc, "trace.decisions");
        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("neither kept nor departed from: Adyen", item.Evidence, StringComparison.Ordinal);

        doc.Design!.Departures.Add("Adyen → a hosted checkout: the brief's volume fits a cheaper plan; migration of stored tokens is planned.");
        Assert.Equal(GateItemStatus.Pass, Item(doc, "trace.decisions").Status);
        Assert.Equal(TraceStatus.Departed, TraceabilityMatrix.Of(doc).Single(r => r.Requirement.StartsWith("Adyen", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public void StatedCloudNotUsed_FailsConstraints()
    {
        var doc = Served();
        doc.Context!.Requirements.Constraints.Add(new Constraint { Kind = "cloud", Value = "Azure", Text = "everything runs on Azure" });

        var item = Item(doc, "trace.constraints");

        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("cloud: Azure", item.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ExcludedProductInTheKit_FailsConstraints()
    {
        var doc = Served();
        doc.Context!.Requirements.Constraints.Add(new Constraint { Kind = "exclusion", Value = "not Redis", Text = "nobody wants to run Redis" });
        Assert.Equal(GateItemStatus.Pass, Item(doc, "trace.constraints").Status);

        BrokenDesigns.UnusedTechnology(doc);
        var item = Item(doc, "trace.constraints");

        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("the kit includes Redis", item.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void OverBudget_Fails_EvenWhenARiskNamesIt_AndWithinBudgetPasses()
    {
        var doc = Served();
        doc.Context!.Requirements.Constraints.Add(new Constraint { Kind = "budget", Value = "USD 50/month", Text = "about $50 a month" });
        doc.Design!.Cost = new CostEstimate { Currency = "USD", TotalPerMonth = 140, BudgetPerMonth = 50, OverBudget = true, Lines = [new CostLine { Component = "app", Item = "container", PerMonth = 140 }] };

        Assert.Equal(GateItemStatus.Fail, Item(doc, "trace.constraints").Status);

        doc.Design.Risks.Add(new Risk { Id = "risk-budget", Description = "The estimate is over the stated budget", Mitigation = "Drop the standby database; cost falls to about $45/month." });
        var item = Item(doc, "trace.constraints");
        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("a risk names the overrun", item.Evidence, StringComparison.Ordinal);

        doc.Design.Cost = new CostEstimate { Currency = "USD", TotalPerMonth = 45, BudgetPerMonth = 50, Lines = [new CostLine { Component = "app", Item = "container", PerMonth = 45 }] };
        Assert.Equal(GateItemStatus.Pass, Item(doc, "trace.constraints").Status);
    }

    [Fact]
    public void QualityTargetNoPartOfTheDesignStates_Fails()
    {
        var doc = Served();
        doc.Context!.Requirements.QualityTargets.Add(new QualityTarget { Attribute = "rpo", Value = 1, Unit = "minutes", Text = "lose at most a minute of data" });

        var item = Item(doc, "trace.quality-targets");

        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("rpo", item.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ResidencyNobodyPlaces_FailsConstraints()
    {
        var doc = Served();
        doc.Design!.Deployment.Platform = "Managed containers.";

        Assert.Equal(GateItemStatus.Fail, Item(doc, "trace.constraints").Status);
    }

    [Fact]
    public void ReviewMd_ShowsTheMatrixAsATable_AndTheReportTheCoverage()
    {
        var doc = Served();
        doc.Context!.Requirements.UseCases.Add(new UseCase { Id = "uc-3", Actor = "Finance", Action = "refund", Object = "disputed charge", Text = "Finance refunds disputed charges." });
        doc.Gate = new GateSection { Traceability = TraceabilityMatrix.Of(doc) };

        var files = DeliverableRenderer.Render(doc);

        var review = files[DeliverableSet.Review];
        Assert.Contains("## Traceability", review, StringComparison.Ordinal);
        Assert.Contains("| uc-3: Finance refund disputed charge | use-case | unserved |", review, StringComparison.Ordinal);
        Assert.Contains("operation POST /v1/payments", review, StringComparison.Ordinal);
        Assert.Contains("Traceability: 2 of 3 use cases", files[DeliverableSet.Report], StringComparison.Ordinal);
    }

    [Fact]
    public void TableTheBriefNeverNames_FailsGrounding_AndControlTablesAreGrounded()
    {
        var doc = Served();
        doc.Brief!.Text = "Customers submit payments for their orders; support staff view payments. About 12k payments a day, EU customers.";
        Assert.Equal(GateItemStatus.Pass, Item(doc, "trace.grounded").Status);

        doc.Design!.Database.Ddl += "CREATE TABLE patients (id uuid PRIMARY KEY);\nCREATE TABLE consent_records (id uuid PRIMARY KEY);\n";
        var item = Item(doc, "trace.grounded");

        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("'table patients' (table-patients)", item.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("table-consent_records", item.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void LongBriefWithNoUseCaseRead_FailsCoverage_AShortOneWarns()
    {
        var doc = Served();
        doc.Context!.Requirements.UseCases.Clear();
        doc.Brief!.Text = "Card payments for orders.";
        Assert.Equal(GateItemStatus.Warn, Item(doc, "trace.use-cases").Status);

        doc.Brief.Text = string.Join(' ', Enumerable.Repeat("The shop takes card payments for orders placed on its site.", 15));
        var item = Item(doc, "trace.use-cases");

        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("no use case", item.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void RequirementSentencesTheReaderTookNothingFrom_AreCounted_AndMostUnreadFails()
    {
        var doc = Served();
        doc.Brief!.Text = """
            Customers submit a payment for an order.
            Refunds must be approved by a second person.
            Chargebacks should be answered within the card scheme's deadline.
            Statements must never show another customer's data.
            """;

        var item = Item(doc, "trace.statements");

        Assert.Equal(GateItemStatus.Fail, item.Status);
        Assert.Contains("0 of 3 requirement sentences served", item.Evidence, StringComparison.Ordinal);

        doc.Context!.Requirements.Constraints.Add(new Constraint { Kind = "invariant", Value = "approved by a second person", Text = "Refunds must be approved by a second person." });
        doc.Context.Requirements.Constraints.Add(new Constraint { Kind = "privacy", Value = "never show another customer's data", Text = "Statements must never show another customer's data." });
        Assert.Equal(GateItemStatus.Warn, Item(doc, "trace.statements").Status);
    }
}
