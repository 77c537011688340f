using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>The platform kit follows the stated cloud, the budget and what the brief already runs.</summary>
public sealed class KitTests
{
    private static readonly string[] SelfRunStack = ["keycloak", "vault", "prometheus", "grafana", "kubernetes", "argo-cd", "cert-manager"];

    private static List<string> Kit(DesignFacts f) =>
        [.. ComponentPlanner.Plan(f, PatternSelector.Select(f), KnowledgeBase.Default).Technologies.Select(t => t.Tech.Id)];

    [Fact]
    public void AzureShopWithEntra_KeepsEntra_AndUsesAzureServices()
    {
        var ids = Kit(BriefFacts.Of(4, "Azure", skills: [".NET / C#"], identity: ["Entra ID"], existing: ["Azure", "Entra ID", "Azure SQL"], shapes: ["event-driven"]));

        Assert.Contains("entra-id", ids);
        Assert.DoesNotContain("keycloak", ids);
        Assert.Contains("azure-service-bus", ids);
        Assert.Contains("azure-container-apps", ids);
        Assert.Contains("azure-sql", ids);
        Assert.Contains("azure-key-vault", ids);
        Assert.DoesNotContain("kubernetes", ids);
        Assert.DoesNotContain("vault", ids);
    }

    [Theory]
    [InlineData("Google Cloud", "google-pubsub", "google-cloud-run")]
    [InlineData("AWS", "aws-sqs", "aws-ecs-fargate")]
    [InlineData("Azure", "azure-service-bus", "azure-container-apps")]
    public void EachCloud_GetsItsOwnManagedServices(string environment, string queue, string compute)
    {
        var ids = Kit(BriefFacts.Of(6, environment, shapes: ["event-driven"]));

        Assert.Contains(queue, ids);
        Assert.Contains(compute, ids);
        Assert.DoesNotContain("kubernetes", ids); // six engineers and one deployable need no cluster
        Assert.DoesNotContain("keycloak", ids);
    }

    [Fact]
    public void FortyPoundsAMonth_GetsNoSelfRunIdentitySecretsOrObservability()
    {
        var ids = Kit(BriefFacts.Of(1, budget: (40, "GBP/month")));

        Assert.Empty(ids.Intersect(SelfRunStack));
        Assert.Contains(ids, id => KnowledgeBase.Default.Technology(id)!.Category == "secrets");
    }

    [Fact]
    public void KubernetesOnlyForManyTeamsOrAnExistingCluster()
    {
        Assert.Contains("kubernetes", Kit(BriefFacts.Of(300, "Google Cloud", squads: 9, users: 4_000_000)));
        Assert.DoesNotContain("kubernetes", Kit(BriefFacts.Of(12, "AWS", users: 100_000)));
        Assert.Contains("kubernetes", Kit(BriefFacts.Of(8, "AWS", existing: ["EKS"])));
    }

    [Fact]
    public void ControlProducts_AreReplacedByTheKitsOwn()
    {
        var f = BriefFacts.Of(4, "Azure", identity: ["Entra ID"]);
        var kit = ComponentPlanner.Plan(f, PatternSelector.Select(f), KnowledgeBase.Default).Kit!;

        Assert.Equal("azure-key-vault", kit.ForControl(KnowledgeBase.Default.Technology("vault"))!.Id);
        Assert.Equal("azure-monitor", kit.ForControl(KnowledgeBase.Default.Technology("prometheus"))!.Id);
        Assert.DoesNotContain("cluster", kit.Rewrite("pins base images by digest and signs images; the cluster admits only signed images."), StringComparison.Ordinal);
        Assert.DoesNotContain("HashiCorp Vault", kit.Rewrite("Secrets come from HashiCorp Vault at runtime"), StringComparison.Ordinal);
    }

    private static ComponentPlan Plan(DesignFacts f) => ComponentPlanner.Plan(f, PatternSelector.Select(f), KnowledgeBase.Default);

    [Fact]
    public void StatedAdyen_StaysAdyen_InThePlanAndTheCheckoutCapability()
    {
        var f = BriefFacts.Of(10, "AWS", existing: ["Adyen"], traits: ["payments"]);
        f.Context.Requirements.Constraints.Add(new Constraint { Kind = "payments", Value = "Adyen", Text = "Card payments go through Adyen." });
        var plan = Plan(f);

        Assert.Contains(plan.Technologies, t => t.Tech.Id == "adyen");
        Assert.DoesNotContain(plan.Technologies, t => t.Tech.Id == "stripe");
        Assert.Contains(plan.Capabilities, c => c.Id == "hosted-checkout" && c.Technology == "Adyen");
        Assert.Empty(DepartureFinder.Find(f, plan));

        // Payment controls written for Stripe name the brief's provider.
        Assert.Equal("adyen", plan.Kit!.ForControl(KnowledgeBase.Default.Technology("stripe"))!.Id);
        Assert.DoesNotContain("Stripe", plan.Kit.Rewrite("Cards are tokenised by Stripe (hosted fields)."), StringComparison.Ordinal);
    }

    [Fact]
    public void AStatedPaymentRailTheCatalogueLacks_IsKeptByName_NotReplacedByStripe()
    {
        var f = BriefFacts.Of(10, "Google Cloud", traits: ["payments"]);
        f.Context.Requirements.Constraints.Add(new Constraint { Kind = "payments", Value = "FasterPay Rail", Text = "Payouts go over FasterPay Rail." });
        var plan = Plan(f);

        Assert.DoesNotContain(plan.Technologies, t => t.Tech.Id == "stripe");
        Assert.Contains(plan.Components, c => c.Id == "payments" && c.Name.Contains("FasterPay Rail", StringComparison.Ordinal));
    }

    [Fact]
    public void StatedBrevo_SendsTheReminders_NoOtherEmailProvider()
    {
        var f = BriefFacts.Of(3, budget: (300, "EUR/month"), skills: ["TypeScript"], existing: ["Brevo"], traits: ["async-workflow"]);
        f.Context.Requirements.UseCases.Add(new UseCase { Id = "uc-1", Actor = "System", Action = "remind", Object = "guests", Text = "The system reminds guests the day before." });
        var plan = Plan(f);

        Assert.Contains(plan.Capabilities, c => c.Id == "notifications" && c.Technology == "Brevo");
        Assert.Contains(plan.Technologies, t => t.Tech.Id == "brevo");
        Assert.DoesNotContain(plan.Technologies, t => t.Tech.Id is "resend" or "amazon-ses" or "sendgrid");
    }

    [Fact]
    public void NoCloudChosen_GetsNoCloudsOwnEmailService()
    {
        var ids = Kit(BriefFacts.Of(3, budget: (300, "EUR/month"), skills: ["C#"], traits: ["async-workflow"]));

        Assert.DoesNotContain("amazon-ses", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("aws-", StringComparison.Ordinal) || id.StartsWith("azure-", StringComparison.Ordinal) || id.StartsWith("google-", StringComparison.Ordinal));
    }

    [Fact]
    public void StatedRailsRedisSidekiq_CarryTheJobsCountersAndWebhooks()
    {
        var f = BriefFacts.Of(9, "AWS", skills: ["Ruby"], existing: ["Ruby on Rails 7", "MySQL 8", "Sidekiq", "Redis"], shapes: ["event-driven", "read-heavy"]);
        f.Context.Requirements.UseCases.Add(new UseCase { Id = "uc-1", Actor = "Partners", Action = "pull", Object = "stock levels", Text = "Partners pull stock levels every minute." });
        var plan = Plan(f);
        var ids = plan.Technologies.Select(t => t.Tech.Id).ToList();

        Assert.Contains("ruby-on-rails", ids);
        Assert.Contains("mysql", ids);
        Assert.DoesNotContain("postgresql", ids);
        Assert.DoesNotContain("aws-sqs", ids);
        Assert.Contains(plan.Capabilities, c => c.Id == "webhook-delivery" && c.Technology == "Sidekiq");
        Assert.Contains(plan.Capabilities, c => c.Id == "rate-limiting" && c.Technology == "Redis");
        Assert.Contains(plan.Capabilities, c => c.Id == "job-queue" && c.Technology == "Sidekiq");
        Assert.Empty(DepartureFinder.Find(f, plan));
    }

    [Fact]
    public void StatedKotlinAndOracle_AreKept_WithTheStatedVersion()
    {
        var f = BriefFacts.Of(6, "on-premises", skills: ["Java"], existing: ["Kotlin", "Oracle 19c"]); // the reader files Kotlin under the Java skill
        var plan = Plan(f);
        var oracle = Assert.Single(plan.Technologies, t => t.Tech.Id == "oracle-database").Tech;

        Assert.Contains(plan.Technologies, t => t.Tech.Id == "kotlin");
        Assert.DoesNotContain(plan.Technologies, t => t.Tech.Id == "postgresql");
        Assert.Equal("Oracle 19c", KitFitter.BriefSpelling(f, oracle));
    }

    [Fact]
    public void AStatedStackConstraintThePlanReplaces_IsADeparture()
    {
        var f = BriefFacts.Of(4, "Azure", skills: [".NET / C#"]);
        f.Context.Requirements.Constraints.Add(new Constraint { Kind = "stack", Value = "PHP", Text = "Today it is a PHP app." });

        var departure = Assert.Single(DepartureFinder.Find(f, Plan(f)));
        Assert.Contains("instead of PHP", departure, StringComparison.Ordinal);
    }

    [Fact]
    public void SmallOnPremTeam_RunsNoIdentitySecretsOrMetricsServers()
    {
        var ids = Kit(BriefFacts.Of(4, "on-premises", skills: ["Java"], existing: ["VMware"]));

        Assert.Empty(ids.Intersect(SelfRunStack));
    }

    [Fact]
    public void ABriefThatRulesPaymentsOut_HasNoPaymentsTrait()
    {
        Assert.DoesNotContain(BriefAnalyzer.Analyze("A small photo-sharing site for a hiking club. No payments, no ads.").Traits, t => t.Name == "payments");
        Assert.Contains(BriefAnalyzer.Analyze("A small shop for a hiking club; members pay online by card.").Traits, t => t.Name == "payments");
    }

    [Fact]
    public void AKotlinTeam_IsNamedAsKotlin_AndStillGetsTheJvmStack()
    {
        var context = BriefAnalyzer.Analyze("Team: 6 developers (Kotlin, Postgres). Guests book rooms online.");

        Assert.Contains("Kotlin", context.TeamSkills);
        Assert.DoesNotContain("Java", context.TeamSkills);
        Assert.Contains("java", BriefAnalyzer.StacksOf(context));
    }

    [Fact]
    public void AKeptSupabase_StoresTheFiles_NoSecondStorageService()
    {
        var f = BriefFacts.Of(2, budget: (50, "USD/month"), skills: ["TypeScript"], existing: ["Next.js", "Vercel", "Supabase"], traits: ["media"]);
        var ids = Kit(f);

        Assert.Contains("supabase", ids);
        Assert.DoesNotContain(ids, id => KnowledgeBase.Default.Technology(id)!.Category == "object-storage");
    }
}
