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
}
