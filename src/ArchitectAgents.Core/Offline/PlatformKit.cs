using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The platform a design runs on, fitted to the brief: one technology per role (identity, compute, queue, database,
/// cache, secrets, keys, observability, infrastructure as code, storage, CDN). A role is null when the design needs no
/// separate product for it (the platform or the framework covers it).
/// </summary>
internal sealed record PlatformKit
{
    /// <summary>aws, azure, gcp, on-prem, hosted (a managed host or SaaS, no cloud account of our own) or any.</summary>
    public required string Hosting { get; init; }

    /// <summary>True when the running budget is so small that only managed or hosted services fit.</summary>
    public required bool Tiny { get; init; }

    /// <summary>True when something in the design needs a cluster (many services for many teams, or the brief runs one).</summary>
    public required bool Kubernetes { get; init; }

    /// <summary>Why the design has or has not a cluster, in the brief's terms.</summary>
    public required string KubernetesReason { get; init; }

    public TechnologyInfo? Identity { get; init; }
    public string IdentityNote { get; init; } = "";
    public TechnologyInfo? Compute { get; init; }
    public TechnologyInfo? Functions { get; init; }
    public TechnologyInfo? Queue { get; init; }
    public TechnologyInfo? Database { get; init; }
    public TechnologyInfo? ManagedDatabase { get; init; }
    public TechnologyInfo? Cache { get; init; }
    public TechnologyInfo? Secrets { get; init; }
    public TechnologyInfo? Keys { get; init; }
    public IReadOnlyList<TechnologyInfo> Observability { get; init; } = [];
    public TechnologyInfo? Iac { get; init; }
    public TechnologyInfo? ObjectStorage { get; init; }
    public TechnologyInfo? Cdn { get; init; }
    public TechnologyInfo? Realtime { get; init; }

    /// <summary>The payment provider: the brief's own where it names one, else the catalogue default; null when the brief names one the catalogue lacks.</summary>
    public TechnologyInfo? Payments { get; init; }

    /// <summary>A payment provider or rail the brief states that is not in the catalogue ("SEPA Instant"), kept by its name.</summary>
    public string? StatedPayments { get; init; }

    /// <summary>The e-mail/SMS provider: the brief's own, else one that fits the platform; null when none fits (the organisation's existing one is used).</summary>
    public TechnologyInfo? Email { get; init; }

    /// <summary>
    /// The kit's product for a role it decides (queue, cache, object storage, CDN, payments, e-mail), so a capability
    /// never brings a second product for a role the kit already fills; false for roles the kit leaves to others.
    /// </summary>
    public bool Decides(string category, out TechnologyInfo? tech)
    {
        (var decides, tech) = category switch
        {
            "queue" => (true, Queue),
            "cache" => (true, Cache),
            "object-storage" => (true, ObjectStorage),
            "cdn" => (true, Cdn),
            "payments" => (true, Payments),
            "email" or "sms" => (Email is not null, Email),
            _ => (false, (TechnologyInfo?)null),
        };
        return decides;
    }

    /// <summary>Technologies the kit kept because the brief already runs them.</summary>
    public IReadOnlyList<TechnologyInfo> Kept { get; init; } = [];

    /// <summary>
    /// What terminates TLS in front of the application: the platform's own ingress where it has one, a load balancer
    /// where the compute has none (ECS), a reverse proxy on the organisation's own servers.
    /// </summary>
    public string IngressName => Kubernetes ? "Ingress (Kubernetes)"
        : Hosting == "aws" && Compute?.Name.Contains("ECS", StringComparison.Ordinal) == true ? "Application Load Balancer"
        : Hosting == "on-prem" ? "Reverse proxy (on-premises)"
        : $"Ingress ({PlatformName})";

    /// <summary>Where it runs, in words ("Azure Container Apps", "VMs on the existing VMware").</summary>
    public string PlatformName => Kubernetes ? "Kubernetes" : Compute?.Name ?? (Hosting == "on-prem" ? "the existing on-premises servers" : "a managed application host");

    /// <summary>The name of the monitoring product, for control and runbook text.</summary>
    public string MonitorName => Observability.Count > 0 ? Observability[0].Name : "the platform's monitoring";

    /// <summary>
    /// The kit's technology for a control's remedy: a control written with one product in mind (HashiCorp Vault,
    /// AWS KMS, Prometheus) gets the product of the same role on this platform, so a design never carries a
    /// second secret store or metrics stack just because a control named one.
    /// </summary>
    public TechnologyInfo? ForControl(TechnologyInfo? tech) => tech?.Id switch
    {
        null => null,
        "vault" or "aws-secrets-manager" or "azure-key-vault" or "google-secret-manager" or "platform-secrets" => Secrets ?? tech,
        "aws-kms" or "google-cloud-kms" => Keys ?? Secrets ?? tech,
        "prometheus" or "grafana" or "amazon-cloudwatch" or "azure-monitor" or "google-cloud-observability" or "datadog" => Observability.Count > 0 ? Observability[0] : tech,
        "keycloak" or "amazon-cognito" or "entra-id" or "okta" => Identity ?? tech,
        // A control written for Stripe applies to the brief's own provider; a stated one the catalogue lacks adds none.
        "stripe" or "adyen" or "mollie" => Payments ?? (StatedPayments is null ? tech : null),
        _ => tech,
    };

    /// <summary>
    /// A control's deployment sentence with its products replaced by this kit's (and cluster wording only when
    /// there is a cluster), so security text describes the platform actually chosen.
    /// </summary>
    public string Rewrite(string text)
    {
        var secrets = Secrets?.Name ?? "the platform's secret store";
        var keys = Keys?.Name ?? secrets;
        var result = text
            .Replace("HashiCorp Vault", secrets, StringComparison.Ordinal)
            .Replace("AWS KMS", keys, StringComparison.Ordinal)
            .Replace("Prometheus alert rules", MonitorName + " alert rules", StringComparison.Ordinal);
        if (Secrets?.Id != "vault")
        {
            result = result.Replace(" (dynamic, short-lived database credentials)", " (managed identities or short-lived credentials where the platform offers them)", StringComparison.Ordinal);
        }

        // Payment controls are written for Stripe; name the brief's own provider.
        if ((Payments?.Name ?? StatedPayments) is { } provider && provider != "Stripe")
        {
            result = result.Replace("Stripe", provider, StringComparison.Ordinal);
        }

        // Controls are written for PostgreSQL and a generic KMS; name the design's own database and key service.
        result = result.Replace("KMS-managed keys", $"keys managed in {keys}", StringComparison.Ordinal);
        if (Database is { Id: not "postgresql" } db)
        {
            result = result
                .Replace("including PostgreSQL, cache and broker connections", $"including {db.Name}, cache and broker connections", StringComparison.Ordinal)
                .Replace("PostgreSQL row-level security", $"{db.Name} row-level policies", StringComparison.Ordinal)
                .Replace("continuous WAL archiving", $"continuous {db.Name} log archiving", StringComparison.Ordinal);
        }
        else if (ManagedDatabase is { } managed)
        {
            result = result.Replace("including PostgreSQL, cache", $"including {managed.Name}, cache", StringComparison.Ordinal);
        }

        if (!Kubernetes)
        {
            result = result
                .Replace("certificates issued and renewed automatically by cert-manager", $"certificates issued and renewed automatically by {PlatformName}", StringComparison.Ordinal)
                .Replace("the cluster admits only signed images", $"the pipeline deploys only signed images to {PlatformName}", StringComparison.Ordinal)
                .Replace("inside the cluster", "between components", StringComparison.Ordinal);
        }

        return result;
    }
}
