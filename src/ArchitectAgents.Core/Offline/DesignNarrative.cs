using System.Globalization;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>Trade-offs, risks, scaling roadmap and deployment plan derived from the facts and the pattern.</summary>
internal static class DesignNarrative
{
    public static List<Tradeoff> Tradeoffs(DesignFacts f, PatternDecision d, ComponentPlan plan, DesignWords w)
    {
        var list = new List<Tradeoff>();
        void Add(string decision, string gains, string costs) => list.Add(new Tradeoff { Decision = decision, OptimisesFor = gains, Sacrifices = costs });

        switch (d.Kind)
        {
            case PatternKind.Serverless:
                Add("Functions triggered by a queue and a scheduler instead of always-on servers",
                    "Near-zero cost while idle, automatic scale-out for the monthly spike, no servers to patch",
                    "Cold starts, per-invocation time limits, provider-specific runtime and tooling (lock-in)");
                break;
            case PatternKind.EdgeEventDriven:
                Add("Store-and-forward at the edge with asynchronous ingestion",
                    "No data loss during connectivity gaps, bounded bandwidth, alerts evaluated close to the device",
                    "Fleet software to manage and update, late and out-of-order readings to reconcile, eventual consistency in dashboards");
                Add("A durable partitioned event log between ingestion and consumers",
                    "Replay after consumer bugs, independent consumers (alerts, storage, analytics), back-pressure",
                    "Another stateful system to operate and size (partitions, retention)");
                break;
            case PatternKind.Microservices:
                Add("Split only along independently scaling domains (writes, reads/feeds, media)",
                    "Each hot path scales and deploys on its own; squads own services end to end",
                    "Distributed-system cost: network failures, eventual consistency between services, contract versioning, more on-call surface");
                Add("Precomputed read models and caches for the read path",
                    $"Meets the {(f.LatencyMs is { } l ? l.ToString("0", CultureInfo.InvariantCulture) + " ms" : "latency")} target at peak without loading the write database",
                    "Staleness windows, fan-out cost on write, cache invalidation complexity");
                break;
            default:
                Add($"One deployable modular monolith ({ComponentPlanner.Modules(f)})",
                    $"One pipeline and in-process calls between {ComponentPlanner.Modules(f)} for a team of {f.Team} on {plan.Kit!.PlatformName}",
                    $"The modules ({ComponentPlanner.Modules(f)}) cannot be scaled or released apart, so {w.App} needs architecture tests in CI to keep their boundaries");
                break;
        }

        if (plan.Components.Any(c => c.Kind == "queue") && d.Kind is not PatternKind.EdgeEventDriven and not PatternKind.Serverless)
        {
            Add($"Asynchronous processing through an outbox and {string.Join(", ", plan.Components.Where(c => c.Kind == "queue").Select(c => c.Name + (c.TechnologyId is null ? "" : $" ({c.TechnologyId})")))}",
                $"{(w.Writes.Count > 0 ? DesignWords.List(w.Writes, 2) : "Requests")} return{(w.Writes.Count == 1 ? "s" : "")} without waiting on {(plan.Components.Any(c => c.Kind == "external" && c.Id != "idp") ? string.Join(", ", plan.Components.Where(c => c.Kind == "external" && c.Id != "idp").Select(c => c.Name)) : "background work")}, and failed jobs are retried",
                $"Their side effects land seconds after the request, and jobs that keep failing wait in the dead-letter queue of {w.Component("queue") ?? "the queue"}");
        }

        var store = plan.Kit?.Database?.Name ?? "PostgreSQL";
        Add($"{store} as the system of record" + (plan.Kit?.Database is { Id: not "postgresql" } ? " (kept from the existing stack)" : ""),
            $"Transactions and constraints enforce {(f.Context.Requirements.Constraints.FirstOrDefault(c => c.Kind == "invariant") is { } inv ? $"\"{inv.Value}\"" : w.WrittenTables.Count > 0 ? "the rules of " + DesignWords.List(w.WrittenTables) : "the domain's rules")} in one place",
            w.Writes.Count > 0
                ? $"Every write ({DesignWords.List(w.Writes, 2)}) goes to one primary, which scales vertically until its largest tables are partitioned"
                : "Writes go to one primary, which scales vertically until its largest tables are partitioned");
        if (plan.Components.Any(c => c.Kind == "cache"))
        {
            Add($"Cache-aside caching of hot reads in {plan.Components.FirstOrDefault(c => c.Id == "cache")?.Name ?? w.Component("cache")}",
                $"{(w.Reads.Count > 0 ? DesignWords.List(w.Reads, 2) : "Hot reads")} are served without a round trip to {w.Database} at peak",
                $"Cached answers can be stale within the TTL, and {(w.Writes.Count > 0 ? DesignWords.List(w.Writes, 2) : "every write")} must invalidate the entries {(w.Writes.Count == 1 ? "it changes" : "they change")}");
        }

        var kit = plan.Kit!;
        var managed = string.Join(", ", new[] { kit.Identity, kit.Queue, kit.ManagedDatabase, kit.Secrets }.OfType<Knowledge.TechnologyInfo>().Where(t => t.Ecosystem == "cloud-service").Select(t => t.Name).Distinct());
        if (kit.Hosting == "on-prem")
        {
            Add($"Running on the existing {kit.Compute?.Name ?? "on-premises servers"} with {kit.Database?.Name ?? "the database"}",
                "Reuses hardware, licences and operations knowledge the organisation already has; data stays in-house",
                "The team patches, backs up and monitors every server itself");
        }
        else if (managed.Length > 0)
        {
            Add($"Managed services ({managed}) over self-hosting",
                $"The provider handles backups, failover and patching of {managed}, so a team of {f.Team} operates less",
                $"Higher unit cost at scale and lock-in to {(kit.Hosting is "aws" or "azure" or "gcp" ? Cloud(f) : managed)}");
        }
        return list;
    }

    /// <summary>The capabilities' own risks and growth triggers, so these sections name what this design contains.</summary>
    public static void AddCapabilityRisksAndTriggers(DesignSection design, IReadOnlyList<CapabilityUse> capabilities)
    {
        foreach (var capability in capabilities.Where(c => c.Risk.Length > 0))
        {
            var split = capability.Risk.IndexOf("; ", StringComparison.Ordinal);
            design.Risks.Add(new Risk
            {
                Id = "R" + (design.Risks.Count + 1).ToString(CultureInfo.InvariantCulture),
                Description = $"{capability.Name} ({capability.Because}): " + (split > 0 ? capability.Risk[..split] : capability.Risk),
                Likelihood = "medium",
                Impact = "medium",
                Mitigation = split > 0 ? char.ToUpperInvariant(capability.Risk[split + 2]) + capability.Risk[(split + 3)..] : $"Covered by the {capability.Name.ToLowerInvariant()} design ({capability.Technology}).",
            });
        }

        var triggers = capabilities.Where(c => c.ScalingTrigger.Length > 0).ToList();
        if (triggers.Count > 0)
        {
            design.Scaling.Add(new ScalingPhase
            {
                Phase = $"{design.Scaling.Count + 1}. Grow the capabilities this design uses",
                Trigger = "Per capability: " + string.Join("; ", triggers.Select(c => c.Name)),
                Actions = [.. triggers.Select(c => $"{c.Name}: {c.ScalingTrigger}")],
            });
        }
    }

    public static List<Risk> Risks(DesignFacts f, PatternDecision d, ComponentPlan plan, DesignWords w)
    {
        var risks = new List<Risk>();
        void Add(string description, string likelihood, string impact, string mitigation) =>
            risks.Add(new Risk { Id = "R" + (risks.Count + 1).ToString(CultureInfo.InvariantCulture), Description = description, Likelihood = likelihood, Impact = impact, Mitigation = mitigation });

        var db = plan.Kit?.ManagedDatabase?.Name ?? plan.Kit?.Database?.Name ?? "PostgreSQL";
        var (rpo, _) = RecoveryWords(f);
        Add($"Loss of the primary {db} (instance, zone or operator error) stops {(w.UseCases.Count > 0 ? DesignWords.List(w.UseCases, 2) : "the service")} and risks data loss against the {f.Availability.ToString("0.###", CultureInfo.InvariantCulture)}% target",
            "low", "high",
            f.HighAvailability
                ? $"{db} with a synchronous standby {(plan.Kit?.Hosting == "on-prem" ? "on a second host (its own hypervisor and storage)" : "in a second zone")} and automatic failover, point-in-time recovery within the RPO of {rpo} and monthly restore tests."
                : "Daily snapshots plus WAL archiving for point-in-time recovery; documented restore runbook tested quarterly.");
        if (f.Context.Assumptions.Count > 0)
        {
            Add("Figures assumed for this design (" + string.Join(", ", f.Context.Assumptions.Select(a => a.Topic)) + ") turn out wrong",
                "medium", "medium",
                $"Confirm {string.Join(", ", f.Context.Assumptions.Select(a => a.Topic))} with the requester before launch"
                + (f.Context.Assumptions.Any(a => a.Topic.Contains("peak", StringComparison.OrdinalIgnoreCase))
                    ? $"; load-test {w.App} at ~{NumberText.Format(Math.Max(1, f.PeakRps) * 2)} requests/s (derived: 2× the assumed peak) and revisit the scaling triggers." : "."));
        }

        switch (d.Kind)
        {
            case PatternKind.Serverless:
                Add("Function concurrency exhausts database connections during the spike", "medium", "high",
                    "Connection pooler in front of PostgreSQL, reserved concurrency per function, queue-based back-pressure, batch writes.");
                Add("Vendor lock-in to the function platform", "medium", "low",
                    "Keep business logic in plain libraries behind thin handlers; infrastructure as code documents every dependency.");
                break;
            case PatternKind.EdgeEventDriven:
                Add("Devices reconnecting after long outages flood ingestion (thundering herd)", "medium", "high",
                    "Jittered reconnect and rate-limited catch-up at the edge; the broker and log absorb bursts; consumers scale with lag.");
                Add("Duplicate or out-of-order readings corrupt alerts", "high", "medium",
                    "Each reading carries (device id, sequence, device timestamp); ingestion is idempotent on that key and alerts use event time with a lateness window.");
                break;
            case PatternKind.Microservices:
                Add("Services drift into a distributed monolith (chatty synchronous calls, shared tables)", "medium", "high",
                    "Each service owns its data; cross-service communication is by events or versioned contracts; timeouts, retries with budgets and circuit breakers; contract tests in CI.");
                Add("Hot keys (very popular accounts or items) overload a partition or cache node", "medium", "medium",
                    "Hybrid fan-out (write-time for most, read-time merge for the largest accounts), key-spreading, request coalescing against cache stampedes.");
                break;
            default:
                Add($"The boundaries between {ComponentPlanner.Modules(f)} erode inside the monolith, making later extraction expensive", "medium", "medium",
                    $"One {w.Database} schema per module, no cross-module table access, architecture tests in CI, and calls between modules through interfaces or in-process events.");
                break;
        }

        if (plan.Components.Any(c => c.Kind == "external"))
        {
            var names = string.Join(", ", plan.Components.Where(c => c.Kind == "external" && c.Id != "idp").Select(c => c.Name));
            if (names.Length > 0)
            {
                Add($"A third-party provider ({names}) is slow or down", "medium", "medium",
                    $"Calls to {names} go through {w.Component("queue") ?? "a queue"} with retries, exponential backoff and a circuit breaker, so {(w.Writes.Count > 0 ? DesignWords.List(w.Writes, 2) : "user actions")} never wait on them, and its dead-letter queue alerts.");
            }
        }

        if (plan.Components.Any(c => c.Id == "waiting-room"))
        {
            Add($"Contention on limited stock during a spike of ~{NumberText.Format(f.PeakRps)} requests/s oversells it or locks up the database", "high", "high",
                "Reserve with one atomic conditional update (UPDATE … SET remaining = remaining - 1 WHERE id = $1 AND remaining > 0) or SELECT … FOR UPDATE SKIP LOCKED, reservations that expire, idempotency keys on purchase, and admission through the waiting room at the rate the database sustains in load tests.");
        }

        if (f.Regimes.Count > 0)
        {
            Add($"Regulated data ({string.Join(", ", f.Regimes)}){(w.PersonalTables.Count > 0 ? $" in {DesignWords.List(w.PersonalTables)}" : "")} leaks through logs, analytics or backups", "low", "high",
                $"Field redaction in the logs {w.App} sends to {plan.Kit?.MonitorName ?? "monitoring"}, encrypted {db} backups with restricted keys, data classification in the schema, periodic access reviews.");
        }

        if (f.Team <= 4)
        {
            var limit = f.Context.Requirements.Constraints.FirstOrDefault(c => c.Kind == "exclusion" && c.Value.Contains("call", StringComparison.OrdinalIgnoreCase));
            Add($"A team of {f.Team} carries all on-call load" + (limit is null ? "" : $" although the brief says \"{limit.Value}\""), "high", "medium",
                $"Page only on SLO burn rates of {w.App}, with a runbook for each alert; {Deployables(plan)} and {(plan.Kit?.Hosting == "on-prem" ? "automatic" : "managed")} {db} failover keep the pager quiet"
                + (limit is null ? "." : ", and anything else waits for working hours."));
        }

        if (f.Has("cost-sensitive"))
        {
            Add($"Cloud spend overshoots {(f.MonthlyBudget is { } budget ? "the stated " + budget.Stated : "the budget")}", "medium", "medium", "Budgets and anomaly alerts per environment, scale-to-zero for non-production, monthly cost review against usage.");
        }

        return risks;
    }

    public static List<ScalingPhase> Scaling(DesignFacts f, PatternDecision d, PlatformKit kit, DesignWords w)
    {
        var peak = Math.Max(1, f.PeakRps);
        var reads = w.Reads.Count > 0 ? DesignWords.List(w.Reads, 2) : "read-only queries";
        var phases = new List<ScalingPhase>
        {
            new()
            {
                Phase = "1. Launch",
                Trigger = $"Day one: up to ~{NumberText.Format(peak)} requests/s at peak" + (f.Users > 0 ? $" and {NumberText.Format(f.Users)} users" : "") + (f.Devices > 0 ? $", {NumberText.Format(f.Devices)} devices" : ""),
                Actions = d.Kind switch
                {
                    PatternKind.Serverless => ["Functions with reserved concurrency sized for the known spike", "Single PostgreSQL instance behind a pooler", "Dashboards for queue depth, function errors and duration"],
                    PatternKind.EdgeEventDriven => ["Broker and event log sized for 2× the current device count", "Log partitioned by device id", "Alerting consumers autoscaled on lag"],
                    PatternKind.Microservices => ["Services autoscaled on CPU and latency", "Caches and read models warmed before traffic shifts", "Partitioned large tables from the start"],
                    _ => [$"Two or more instances of {w.App} on {kit.PlatformName}" + (f.HighAvailability ? (kit.Hosting is "aws" or "azure" or "gcp" ? ", spread across two availability zones" : ", on two separate hosts") : ""), $"One primary {kit.Database?.Name ?? "PostgreSQL"}" + (w.Tables.Count > 0 ? $" holding {DesignWords.List(w.Tables)}" : "") + (f.HighAvailability ? (kit.Hosting is "aws" or "azure" or "gcp" ? ", with a standby in another zone" : ", with a standby on another host") : $", with daily snapshots and {(kit.Database is null or { Id: "postgresql" } ? "WAL" : "transaction-log")} archiving"),
                        .. LaunchCache(w, reads), $"SLO dashboards and alerts in {kit.MonitorName}" + (w.UseCases.Count > 0 ? $" for {DesignWords.List(w.UseCases, 2)}" : "")],
                },
            },
            new()
            {
                Phase = "2. Scale reads and absorb peaks",
                Trigger = (f.LatencyMs is { } latency ? $"p95 latency above {Math.Round(latency * 0.8).ToString(CultureInfo.InvariantCulture)} ms (derived: 80% of the stated {latency.ToString("0", CultureInfo.InvariantCulture)} ms)" : "p95 latency breaching the SLO")
                    + $" or database CPU above 70% for 15 minutes, or sustained load above {NumberText.Format(peak * 2)} requests/s (derived: 2× the launch peak)",
                Actions = [$"Route {reads} to {kit.Database?.Name ?? "PostgreSQL"} read replicas",
                    LaunchCache(w, reads).Any() ? $"Grow {w.Component("cache")} (memory, then a replica) when its hit ratio falls below 90%" : kit.Cache is null ? $"Cache the answers of {reads} with explicit TTLs" : $"Cache the answers of {reads} in {kit.Cache.Name} with explicit TTLs",
                    $"Horizontal autoscaling of {w.App} on {kit.PlatformName} on request rate"],
            },
            new()
            {
                Phase = "3. Scale writes and split where it pays",
                Trigger = d.Kind == PatternKind.EdgeEventDriven
                    ? $"Ingest lag above 30 s at peak, or device count above {NumberText.Format(Math.Max(f.Devices * 2, 1000))}"
                    : $"Write load above {NumberText.Format(peak * 10)} requests/s (derived: 10× the launch peak), {(w.WrittenTables.Count > 0 ? DesignWords.List(w.WrittenTables, 2) : "the largest table")} outgrowing one primary" + (f.Team >= SplitTeam ? ", or more than ~20 engineers contending on one deployable" : ""),
                Actions = d.Kind == PatternKind.Microservices
                    ? ["Shard the core database by tenant or account id", "Move cross-region reads to regional replicas", "Split a service only when its team or load demands it"]
                    : [$"Partition {(w.WrittenTables.Count > 0 ? DesignWords.List(w.WrittenTables, 2) : "the largest tables")} by {(f.Has("multi-tenant") ? "tenant or time" : "time")}", .. WriteScaling(f, kit, w)],
            },
        };

        // What the brief defers comes after launch, when launch is proven and someone schedules it, not on day one.
        var later = f.Context.Requirements.Later;
        if (later.Count > 0)
        {
            phases.Add(new ScalingPhase
            {
                Phase = $"{(phases.Count + 1).ToString(CultureInfo.InvariantCulture)}. Later, as the brief defers it",
                Trigger = $"The launch use cases meet their SLOs for a month and the deferred feature is scheduled (the brief: {string.Join("; ", later.Select(u => $"\"{u.Later}\""))})",
                Actions = [.. later.Select(u => $"Add {u.Actor} {u.Action} {u.Object} ({u.Id}) as a module of {w.App}, with its own table and operations; nothing is built for it at launch")],
            });
        }

        return phases;
    }

    // A read path the brief's figures call for is there from day one, not only once latency breaches.
    private static IEnumerable<string> LaunchCache(DesignWords w, string reads)
    {
        if (w.Components["cache"].FirstOrDefault(c => !c.Contains("pub/sub", StringComparison.OrdinalIgnoreCase)) is { } cache)
        {
            yield return $"{cache} in front of {reads} from day one";
        }
    }

    // Below this many engineers one deployable is not a coordination bottleneck, so a split is never the next step.
    private const int SplitTeam = 20;

    // Kinds of product a refusal may name without naming Kafka itself ("no streaming platform").
    private static readonly string[] LogWords = ["kafka", "partitioned log", "event log", "stream", "event bus", "broker"];

    /// <summary>
    /// The write-side steps after partitioning: a small team scales the one primary up before it adds a deployable, and a
    /// partitioned log is offered only where the brief does not rule such a thing out ("nobody wants to run Kafka").
    /// </summary>
    private static IEnumerable<string> WriteScaling(DesignFacts f, PlatformKit kit, DesignWords w)
    {
        var db = kit.Database?.Name ?? "PostgreSQL";
        yield return f.Team >= SplitTeam
            ? $"Extract the hottest of {ComponentPlanner.Modules(f)} behind the same API contract into its own service"
            : $"Scale the {db} primary up one size and pool its connections; a team of {f.Team} keeps one deployable, so no module is split out";
        var refusesLog = f.Exclusions.Any(e => LogWords.Any(l => e.Contains(l, StringComparison.OrdinalIgnoreCase)));
        if (w.Component("queue") is { } queue && !refusesLog && f.Team >= SplitTeam)
        {
            yield return $"Move the high-volume flows of {queue} onto a partitioned log";
        }
        else if (w.Component("queue") is { } kept)
        {
            yield return $"Add consumers of {kept} per flow before any new messaging product" + (refusesLog ? $" (the brief rules out \"{f.Exclusions.First(e => LogWords.Any(l => e.Contains(l, StringComparison.OrdinalIgnoreCase)))}\")" : "");
        }
    }

    public static DeploymentPlan Deployment(DesignFacts f, PatternDecision d, ComponentPlan plan, IEnumerable<string> controls, DesignWords w)
    {
        var k8s = plan.Technologies.Any(t => t.Tech.Category == "container-orchestration");
        var kit = plan.Kit!;
        var db = kit.ManagedDatabase?.Name ?? kit.Database?.Name ?? "PostgreSQL";
        var platform = d.Kind == PatternKind.Serverless
            ? $"{kit.Functions?.Name ?? "Functions"}, {kit.Queue?.Name ?? "a managed queue"} and {db}" + (kit.Iac is null ? "" : $", all defined with {kit.Iac.Name}")
            : kit.Hosting == "on-prem"
                ? $"Existing on-premises infrastructure: the application runs on {kit.Compute?.Name ?? "the organisation's servers"}, next to {db}, which keeps its own replication and backups"
                : k8s ? $"Managed Kubernetes on {Cloud(f)}, reconciled by Argo CD (GitOps); {db}"
                : $"{kit.PlatformName} with {db}" + (kit.Hosting == "hosted" ? "; nothing for the team to patch or keep on call" : "") + $" ({kit.KubernetesReason})";
        var (rpo, rto) = RecoveryWords(f);

        string Named(string category, string fallback) =>
            plan.Technologies.Where(x => x.Tech.Category == category && plan.Components.All(c => c.TechnologyId != x.Tech.Id)).Select(x => x.Tech.Name).ToList() is { Count: > 0 } names
                ? string.Join(" and ", names) : fallback;
        return new DeploymentPlan
        {
            Environments = f.Team >= 8 ? ["preview (per pull request)", "staging", "production"] : ["development", "staging", "production"],
            Platform = Supporting(plan, secrets: false).ToList() is { Count: > 0 } more && more.Where(m => !platform.Contains(m.Split(':')[0], StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } extra
                ? $"{platform}; supporting services: {string.Join("; ", extra)}" : platform,
            Pipeline =
            [
                $"Pull request ({Named("ci-cd", "CI")}): build, unit and integration tests of {App(plan)}{(w.Writes.Count > 0 ? $" ({DesignWords.List(w.Writes, 2)})" : "")} against a real {kit.Database?.Name ?? "PostgreSQL"} container, lint, SAST, dependency and secret scanning, SBOM generation",
                $"OpenAPI contract check: a breaking change to any operation of openapi.yaml{(w.UseCases.Count > 0 ? $" ({DesignWords.List(w.UseCases, 2)})" : "")} fails the build unless the version changes",
                $"Migrations of the {kit.Database?.Name ?? "database"} schema ({DesignWords.List(w.Tables)}) reviewed for expand/contract compatibility and applied automatically before the new version takes traffic",
                (d.Kind == PatternKind.Serverless ? "Function package" : "Container image") + $" of {w.App} built once, scanned{(k8s ? ", signed" : "")} and promoted unchanged through {(f.Team >= 8 ? "preview, staging and production" : "staging to production")} on {kit.PlatformName}",
                k8s ? $"GitOps: merging to the environment repository lets Argo CD sync staging; production promotion is a reviewed pull request; cloud resources are defined in {Named("iac", "infrastructure as code")}"
                    : kit.Iac is not null ? $"{kit.Iac.Name} plan/apply per environment from the pipeline for the {kit.PlatformName} resources, with a manual approval for production"
                    : $"Deployment to {kit.PlatformName} from the pipeline ({Named("iac", "its deployment templates")}), with a manual approval for production",
                $"Smoke tests{(w.UseCases.Count > 0 ? $" of {DesignWords.List(w.UseCases, 2)}" : "")} and synthetic checks after each deployment gate the next step",
            ],
            Rollout = d.Kind switch
            {
                PatternKind.Serverless => "Weighted alias shift: 10% of invocations to the new version for 15 minutes, then 100% if error rate and duration stay within SLO",
                PatternKind.EdgeEventDriven => "Cloud services by canary (5% → 50% → 100%); edge software in rings (1% of devices → 10% → all) with automatic halt on error-rate regression",
                _ when k8s => "Progressive canary: 5% → 25% → 100% with automated analysis of error rate and p95 latency against the SLOs",
                _ => $"Blue-green on {kit.PlatformName}: the new version starts beside the old, takes traffic after health checks, and the old one stays warm for an hour",
            },
            Rollback = k8s
                ? "Revert the GitOps commit; Argo CD restores the previous image in minutes. Migrations are expand/contract so the previous version runs on the new schema; risky features sit behind flags that can be switched off without a deploy."
                : d.Kind == PatternKind.Serverless
                    ? "Shift the alias back to the previous function version (seconds). Migrations are expand/contract so the previous version works on the new schema."
                    : $"Switch traffic back to the previous (still running) version of {w.App} on {kit.PlatformName}, and since {db} migrations are expand/contract no schema rollback is needed.",
            Observability =
            [
                $"OpenTelemetry traces across every request{(kit.Queue is null ? "" : ", " + kit.Queue.Name + " hop")} and database call, exported over OTLP to {kit.MonitorName}",
                $"RED metrics (rate, errors, duration) per endpoint of {w.App}" + (w.UseCases.Count > 0 ? $", covering {DesignWords.List(w.UseCases, 2)}," : "") + (plan.Components.Any(c => c.Kind == "queue") ? $" and per consumer, with depth and age of the oldest message on {string.Join(", ", plan.Components.Where(c => c.Kind == "queue").Select(c => c.Name))}" : ""),
                $"SLOs: {f.Availability.ToString("0.###", CultureInfo.InvariantCulture)}% availability" + (f.LatencyMs is { } l ? $", p99 latency ≤ {l.ToString("0", CultureInfo.InvariantCulture)} ms" : "") + $" for {(w.UseCases.Count > 0 ? DesignWords.List(w.UseCases, 2) : App(plan))}, alerting on the burn rate of the monthly error budget (derived: about {NumberText.Format(Math.Round((100 - f.Availability) / 100 * 30 * 24 * 60))} minutes) rather than on raw CPU",
                .. Named("observability", kit.MonitorName) is var store && store != kit.MonitorName ? [$"Metrics and traces stored and alerted on in {store}"] : Array.Empty<string>(),
                $"Structured JSON logs with trace ids, dashboards in {kit.MonitorName} for {string.Join(", ", plan.Components.Where(c => c.Kind is "service" or "worker").Select(c => c.Name).Take(4))} and synthetic probes of {(w.UseCases.Count > 0 ? DesignWords.List(w.Reads.Count > 0 ? w.Reads : w.UseCases, 2) : "the public API")}",
            ],
            SecurityControls = Controls(controls, plan),
            DisasterRecovery = $"Recovery point objective (RPO) {rpo} and recovery time objective (RTO) {rto} for the {f.Availability.ToString("0.###", CultureInfo.InvariantCulture)}% target{(w.UseCases.Count > 0 ? $" of {DesignWords.List(w.UseCases, 2)}" : "")}; {db} backups encrypted and copied to {(f.Context.DataResidency is { Length: > 0 } ? "a second site that still meets the residency rule" : kit.Hosting == "on-prem" ? "a second on-premises site" : "a second region")}; restore drills of {db} scheduled and timed.",
        };
    }

    /// <summary>The recovery point and time objectives in words: the brief's (or its stated assumption's) figures, else the availability tier's.</summary>
    public static (string Rpo, string Rto) RecoveryWords(DesignFacts f)
    {
        var (rpo, rto) = f.Availability switch
        {
            >= 99.99 => ("1 minute", "15 minutes (warm standby region)"),
            >= 99.9 => ("5 minutes", "1 hour"),
            _ => ("24 hours", "4 hours"),
        };

        // The brief's (or the stated assumption's) figures win: the report quotes them, so the plan must promise the same.
        var (statedRpo, statedRto) = RecoveryTargets.From(f.Context);
        if (statedRpo is { } r)
        {
            rpo = r == 0 ? "0 (synchronous replication: no committed transaction is lost)" : RecoveryTargets.Words(r);
        }

        if (statedRto is { } t)
        {
            rto = RecoveryTargets.Words(t);
        }

        return (rpo, rto);
    }

    // A supporting secret store the controls already name needs no line of its own.
    private static List<string> Controls(IEnumerable<string> controls, ComponentPlan plan)
    {
        var list = controls.Distinct().ToList();
        return [.. list, .. Supporting(plan, secrets: true).Where(s => !list.Any(c => c.Contains(s.Split(':')[0], StringComparison.Ordinal)))];
    }

    private static string Deployables(ComponentPlan plan) =>
        plan.Components.Count(c => c.Kind is "service" or "worker") is var n && n == 1 ? "one deployable" : $"{n} deployables";

    private static string App(ComponentPlan plan) =>
        plan.Components.FirstOrDefault(c => c.Kind == "service")?.Name ?? "the application";

    // Technologies the plan uses without a component of their own (secrets, key management, pooling…) are named with
    // their purpose, so the report says where each pick of the kit is used.
    private static IEnumerable<string> Supporting(ComponentPlan plan, bool secrets) =>
        plan.Technologies.Where(x => x.Tech.Category is not ("ci-cd" or "iac" or "observability" or "language-runtime" or "web-framework" or "orm")
                && (x.Tech.Category == "secrets") == secrets
                && plan.Components.All(c => c.TechnologyId != x.Tech.Id))
            .Select(x => $"{x.Tech.Name}: {x.Purpose}");

    internal static string Cloud(DesignFacts f) => f.Cloud switch
    {
        "aws" => "AWS",
        "azure" => "Azure",
        "gcp" => "Google Cloud",
        _ => "the chosen cloud",
    };
}
