using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Fits the platform kit to the brief: what the brief already runs is kept; each remaining role gets the stated
/// cloud's managed service, the on-premises product the brief names, or (for a tiny budget or no cloud at all) a hosted
/// service with nothing to run. Self-run identity, secret and metrics servers appear only where no managed service fits.
/// </summary>
internal static class KitFitter
{
    /// <summary>Below this running budget (US dollars a month) only hosted or managed services with free tiers fit.</summary>
    public const double TinyBudgetUsd = 150;

    /// <summary>Under this team size a brief without a cloud gets a hosted platform rather than self-run servers.</summary>
    private const int SmallTeam = 6;

    private static readonly string[] CloudWords = ["AWS", "Azure", "GCP", "Google Cloud", "Amazon Web Services", "on-premises", "on-prem"];

    public static PlatformKit Fit(DesignFacts f, PatternDecision decision, KnowledgeBase kb)
    {
        var tiny = f.MonthlyBudget is { UsdPerMonth: < TinyBudgetUsd };
        var hosting = f.Cloud switch
        {
            "aws" or "azure" or "gcp" or "on-prem" => f.Cloud,
            _ when tiny || f.Team < SmallTeam || Existing(f, kb, "hosting") is not null => "hosted",
            _ => "any",
        };
        var cluster = f.Names("Kubernetes") || f.Names("AKS") || f.Names("EKS") || f.Names("GKE") || f.Names("OpenShift");
        var manyTeams = decision.Kind == PatternKind.Microservices && f.Team >= 20;
        var k8s = !tiny && (cluster || manyTeams);
        var k8sReason = cluster ? "the organisation already runs Kubernetes"
            : manyTeams ? $"{f.Team} engineers ship several services independently, which a cluster with GitOps serves"
            : tiny ? $"a cluster would cost more than the {f.MonthlyBudget!.Stated} budget on its own"
            : $"{(decision.Kind == PatternKind.Serverless ? "functions" : "one deployable")} on {(hosting is "on-prem" ? "the existing servers" : "a managed platform")} needs no cluster to operate";

        // "any" (no cloud stated) never gets one cloud's own services: the brief did not choose that cloud.
        TechnologyInfo? T(string id) => kb.Technology(id) is { Deprecated: false } t ? t : null;
        TechnologyInfo? ByCloud(string aws, string azure, string gcp, string? onPrem, string? hosted, string? any) => T(hosting switch
        {
            "aws" => aws,
            "azure" => azure,
            "gcp" => gcp,
            "on-prem" => onPrem ?? "",
            "hosted" => hosted ?? "",
            _ => any ?? "",
        });

        // A small stated load, or a team too small to keep extra servers patched and on call, runs no identity, secrets
        // or metrics server beside its application: the framework, the deployment's secret store and one collector do.
        var lean = f.IsSmallLoad || f.Team < SmallTeam;

        var identity = Existing(f, kb, "auth");
        var inAppIdentity = identity is null && (f.Names("Devise") || f.Names("Doorkeeper") || f.Excludes("identity"));
        identity ??= inAppIdentity ? null : Existing(f, kb, "managed-database") is { Id: "supabase" } supa ? supa
            : lean && hosting is "on-prem" or "any" ? null
            : ByCloud("amazon-cognito", "entra-id", "google-identity-platform", "keycloak", null, "keycloak");
        var identityNote = inAppIdentity
            ? "Partner and user credentials are issued by the existing application (no new identity product, as the brief asks)."
            : identity is null ? "Sign-in uses the hosted platform's or framework's built-in authentication; there is no identity server to run."
            : f.Names(identity.Name) || ExistingStack.Mentions(string.Join(' ', f.ExistingTechnologies), identity.Name.Replace("Microsoft ", "", StringComparison.Ordinal))
                ? $"{identity.Name} is the organisation's existing identity provider and stays the only one."
                : $"{identity.Name} issues the OIDC tokens.";

        var compute = Existing(f, kb, "container-platform") ?? Existing(f, kb, "hosting")
            ?? (k8s ? T("kubernetes") : ByCloud("aws-ecs-fargate", "azure-container-apps", "google-cloud-run", f.Names("VMware") ? "vmware-vsphere" : null, "managed-paas", null));
        // A hosted platform where data must stay in one place is a host with data centres there, named.
        var residency = f.Context.DataResidency is { Length: > 0 } rule ? rule + " " + string.Join(' ', f.Context.Requirements.Constraints.Where(c => c.Kind == "residency").Select(c => c.Value)) : null;
        if (compute?.Id == "managed-paas" && residency is not null && JurisdictionCatalog.Default.HostsFor(residency) is { } hosts)
        {
            compute = compute.Named($"Managed PaaS in {hosts.Place} ({string.Join(", ", hosts.Providers.SkipLast(1))} or {hosts.Providers[^1]})");
        }

        var functions = ByCloud("aws-lambda", "azure-functions", "google-cloud-run-jobs", null, Existing(f, kb, "hosting")?.Id ?? "google-cloud-run", null);

        var queue = Existing(f, kb, "queue")
            ?? (hosting is "hosted" ? StackQueue(f, kb) : null)
            ?? ByCloud("aws-sqs", "azure-service-bus", "google-pubsub", lean ? null : "rabbitmq", null, tiny ? null : "rabbitmq");

        var database = Existing(f, kb, "database") ?? T("postgresql");
        var managedDb = Existing(f, kb, "managed-database")
            ?? (database?.Id == "postgresql" ? ByCloud("amazon-rds-postgresql", "azure-database-postgresql", "google-cloud-sql", null, null, null)
                : database?.Id == "mysql" ? ByCloud("amazon-rds-mysql", "", "", null, null, null) : null);

        var cache = Existing(f, kb, "cache") ?? ByCloud("amazon-elasticache", "azure-cache-redis", "google-memorystore", "redis", "redis", "redis");

        var secrets = ByCloud("aws-secrets-manager", "azure-key-vault", "google-secret-manager", lean ? "systemd-creds" : "vault", "platform-secrets", tiny || lean ? "platform-secrets" : "vault");
        var keys = ByCloud("aws-kms", "azure-key-vault", "google-cloud-kms", lean ? null : "vault", null, null);

        var monitor = Existing(f, kb, "observability");
        List<TechnologyInfo> observability = monitor is not null ? [monitor]
            : hosting switch
            {
                "aws" or "azure" or "gcp" => [ByCloud("amazon-cloudwatch", "azure-monitor", "google-cloud-observability", null, null, null)!],
                // A SaaS error tracker sends request data out of the residency zone; the host's own logs and metrics stay in it.
                "hosted" => [T(residency is null ? "sentry" : "platform-monitoring")!],
                _ when tiny => [T(residency is null ? "sentry" : "platform-monitoring")!],
                // A small load sends the collector's output to one backend the organisation already has; separate metrics and dashboard servers pay off at scale.
                _ when lean => [T("opentelemetry-collector")!],
                _ => [T("opentelemetry-collector")!, T("prometheus")!, T("grafana")!],
            };
        if (k8s && observability.All(o => o.Id != "opentelemetry-collector"))
        {
            observability.Add(T("opentelemetry-collector")!);
        }

        // Infrastructure as code pays off where we own a cloud account; a hosted platform or existing VMs are configured by their owners.
        var iac = hosting is "aws" or "azure" or "gcp" or "any" && !tiny ? T("opentofu") : null;

        // A payment or e-mail/SMS provider the brief already uses stays in every pick; a stated one the catalogue does
        // not know is kept by its name rather than replaced by the catalogue's default.
        var payments = Existing(f, kb, "payments");
        var statedPayments = payments is null ? CapabilityMatcher.Stated(f.Context.Requirements, "payments") : null;
        payments ??= statedPayments is null ? T("stripe") : null;
        var email = Existing(f, kb, "email") ?? Existing(f, kb, "sms") ?? new TechnologyPicker(kb, f.Stack).Pick("email");

        var kept = kb.Technologies.Technologies.Where(t => !t.Deprecated && IsExisting(f, t)).ToList();
        return new PlatformKit
        {
            Hosting = hosting,
            Tiny = tiny,
            Kubernetes = k8s,
            KubernetesReason = k8sReason,
            Identity = identity,
            IdentityNote = identityNote,
            Compute = compute,
            Functions = functions,
            Queue = queue,
            Database = database,
            ManagedDatabase = managedDb,
            Cache = cache,
            Secrets = secrets,
            Keys = keys,
            Observability = observability,
            Iac = iac,
            // A kept Supabase already stores files (Supabase Storage): no second storage service beside it.
            ObjectStorage = Existing(f, kb, "object-storage") ?? (Existing(f, kb, "managed-database") is { Id: "supabase" } store ? store : null) ?? ByCloud("aws-s3", "azure-blob-storage", "google-cloud-storage", "seaweedfs", "cloudflare-r2", "cloudflare-r2"),
            Cdn = Existing(f, kb, "cdn") ?? ByCloud("amazon-cloudfront", "azure-front-door", "google-cloud-cdn", null, "cloudflare-cdn", "cloudflare-cdn"),
            Realtime = hosting == "azure" ? T("azure-web-pubsub") : null,
            Payments = payments,
            StatedPayments = statedPayments,
            Email = email,
            Kept = kept,
        };
    }

    /// <summary>The catalogue technology of a category that the brief already runs and does not rule out, or null.</summary>
    public static TechnologyInfo? Existing(DesignFacts f, KnowledgeBase kb, string category) =>
        kb.Technologies.Technologies
            .Where(t => !t.Deprecated && string.Equals(t.Category, category, StringComparison.OrdinalIgnoreCase) && IsExisting(f, t))
            .OrderByDescending(t => t.Stacks.Contains(f.Stack)) // "Java and some Python": the main stack's runtime first
            .FirstOrDefault();

    /// <summary>True when one of the brief's existing technologies names this catalogue entry (its name or an alias).</summary>
    public static bool IsExisting(DesignFacts f, TechnologyInfo tech) =>
        !f.Excludes(ShortName(tech.Name)) && BriefSpelling(f, tech) is not null;

    /// <summary>The brief's spelling of a kept technology ("Oracle 19c", "MySQL 8"), for its version; null when the brief does not name it.</summary>
    public static string? BriefSpelling(DesignFacts f, TechnologyInfo tech)
    {
        var names = Names(tech).ToList();
        return f.ExistingTechnologies
            .Where(e => !CloudWords.Any(c => string.Equals(c, e, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(e => names.Any(n => ExistingStack.Mentions(e, n)));
    }

    /// <summary>The names a brief may use for the technology.</summary>
    public static IEnumerable<string> Names(TechnologyInfo tech) => tech.Aliases.Prepend(ShortName(tech.Name));

    internal static string ShortName(string name)
    {
        var cut = name.IndexOf(" (", StringComparison.Ordinal);
        return (cut > 0 ? name[..cut] : name).Replace("Microsoft ", "", StringComparison.Ordinal);
    }

    // On a hosted platform background jobs run inside the app's own stack rather than on a broker we would have to run.
    private static TechnologyInfo? StackQueue(DesignFacts f, KnowledgeBase kb) => kb.Technology(f.Stack switch
    {
        "php" => "symfony-messenger",
        "ruby" => "sidekiq",
        "node" => "bullmq",
        "python" => "celery",
        "go" => "river",
        _ => "",
    });
}
