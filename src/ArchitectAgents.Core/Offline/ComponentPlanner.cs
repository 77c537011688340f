using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>Lays out components, flows and technologies for a chosen pattern.</summary>
internal static class ComponentPlanner
{
    public static ComponentPlan Plan(DesignFacts f, PatternDecision decision, KnowledgeBase kb)
    {
        var pick = new TechnologyPicker(kb, f.Stack);
        var kit = KitFitter.Fit(f, decision, kb);
        var plan = new ComponentPlan { Kit = kit };
        // The brief's own framework and runtime win over the stack's default pick.
        var framework = KitFitter.Existing(f, kb, "web-framework") ?? pick.Pick("web-framework", FrameworkPreferences(f.Stack));
        // A kept framework brings its own language: Rails means Ruby, whatever the team-skill reader guessed.
        var stack = framework?.Stacks.FirstOrDefault(s => s != "any") ?? f.Stack;
        var stackPick = stack == f.Stack ? pick : new TechnologyPicker(kb, stack);
        var runtime = KitFitter.Existing(f, kb, "language-runtime") is { } keptRuntime && keptRuntime.Stacks.Contains(stack)
            ? keptRuntime
            : stackPick.Pick("language-runtime", RuntimePreferences(stack));
        var orm = stackPick.Pick("orm", OrmPreferences(stack));
        var postgres = kit.Database;
        var queue = kit.Queue;
        var stream = pick.Pick("stream", "kafka");
        var cache = kit.Cache;
        var modules = Modules(f);

        plan.Add("clients", f.Has("internal") ? "Internal users (browser)" : "Web and mobile clients", "client", "Call the public API over HTTPS.");
        plan.Add("idp", kit.Identity is null ? "Built-in sign-in" : $"Identity provider ({kit.Identity.Name})", "external", kit.IdentityNote + " MFA for privileged roles.", kit.Identity, kit.IdentityNote);

        switch (decision.Kind)
        {
            case PatternKind.Serverless:
                plan.Add("gateway", "API gateway", "gateway", "TLS termination, authentication, throttling.", kit.Hosting == "aws" ? kb.Technology("aws-api-gateway") : null);
                plan.Add("api", "API functions", "service", $"Request/response endpoints ({modules}).", kit.Functions ?? pick.Pick("serverless", ServerlessPreferences(f.Cloud)), "Functions that scale with demand and to zero when idle");
                plan.Add("scheduler", "Scheduler", "service", "Starts batch runs on a schedule (cron trigger) and on demand.");
                plan.Add("queue", "Job queue", "queue", "Buffers work items so the spike is absorbed and retried.", queue);
                plan.Add("workers", "Worker functions", "worker", "Process one job each, idempotently, with bounded concurrency.");
                plan.Add("storage", "Object storage", "storage", "Generated files, with lifecycle rules for retention.", kit.ObjectStorage);
                plan.Add("db", postgres?.Name ?? "PostgreSQL", "database", "System of record; connections through a pooler because functions scale out.", postgres);
                plan.Use(kit.ManagedDatabase, "Runs the database as a managed service (backups, failover, patching)");
                plan.Use(pick.Find("pgbouncer"), "Connection pooling in front of PostgreSQL for many short-lived function instances");
                plan.Use(runtime, "Function runtime");
                plan.Connect("clients", "gateway", "HTTPS");
                plan.Connect("gateway", "api", "invoke");
                plan.Connect("api", "queue", "enqueue job", async: true);
                plan.Connect("scheduler", "queue", "scheduled jobs", async: true);
                plan.Connect("queue", "workers", "trigger", async: true);
                plan.Connect("workers", "db", "SQL");
                plan.Connect("api", "db", "SQL");
                plan.Connect("workers", "storage", "write files");
                break;

            case PatternKind.EdgeEventDriven:
                plan.Add("devices", "Devices and sensors", "client", "Take readings and publish them.");
                plan.Add("edge", "Edge gateway (store-and-forward)", "edge", "Buffers readings on the device or vehicle while offline, evaluates local thresholds, forwards in order when connected.", pick.Pick("edge-runtime", f.Cloud == "azure" ? "azure" : "greengrass"), "Edge runtime: local buffering and rules on the device side");
                plan.Add("broker", "MQTT broker", "queue", "Device connections (MQTT over TLS, per-device credentials), QoS 1 delivery.", pick.Pick("iot-broker", "emqx", "mosquitto"), "MQTT broker for device connections");
                plan.Add("ingest", "Ingestion service", "service", "Validates and de-duplicates readings, appends them to the log.", framework);
                plan.Add("stream", "Event log", "queue", "Durable, partitioned log of readings (partitioned by device id), replayable.", stream);
                plan.Add("rules", "Alerting and rules processor", "worker", "Evaluates thresholds on the stream and raises alerts within seconds.");
                plan.Add("tsdb", "Time-series store", "database", "Readings with retention and downsampling.", pick.Pick("timeseries", "timescale"));
                plan.Add("api", $"Fleet API ({modules})", "service", "Device registry, alerts, queries for dashboards.", framework);
                plan.Add("db", postgres?.Name ?? "PostgreSQL", "database", "Device registry, users, alert state.", postgres);
                plan.Use(kit.ManagedDatabase, "Runs the database as a managed service (backups, failover, patching)");
                plan.Add("notify", "Notification provider", "external", "Delivers alerts by SMS, push and e-mail.", kit.Email);
                plan.Use(runtime, "Service runtime");
                plan.Use(orm, "Data access");
                plan.Connect("devices", "edge", "readings");
                plan.Connect("edge", "broker", "MQTT/TLS (QoS 1, batched)", async: true);
                plan.Connect("broker", "ingest", "subscribe", async: true);
                plan.Connect("ingest", "stream", "append", async: true);
                plan.Connect("stream", "rules", "consume", async: true);
                plan.Connect("stream", "tsdb", "sink", async: true);
                plan.Connect("rules", "notify", "alerts", async: true);
                plan.Connect("rules", "db", "alert state");
                plan.Connect("clients", "api", "HTTPS");
                plan.Connect("api", "db", "SQL");
                plan.Connect("api", "tsdb", "queries");
                break;

            // Two domain teams at least: a list of app and platform teams ("web, iOS, platform") names no domain to split along.
            case PatternKind.Microservices when TeamDomains.Of(f.Context.Requirements) is { Count: >= 3 } domains && domains.Count(d => d.Role == "domain") >= 2:
                plan.Add("cdn", "CDN", "gateway", "Caches static content and public reads at the edge.", kit.Cdn);
                // A partitioned log pays off at large scale; below it the kit's managed queue/topic carries domain events.
                DomainServices.Lay(plan, domains, f, framework, postgres, f.IsLargeScale ? stream : kit.Queue ?? stream);
                plan.Use(kit.ManagedDatabase, "Runs each service's database as a managed service (backups, failover, patching)");
                plan.Use(runtime, "Service runtime");
                plan.Use(orm, "Data access");
                plan.Use(kit.Kubernetes ? kb.Technology("kubernetes") : kit.Compute, "Runs the services with autoscaling");
                plan.Connect("clients", "cdn", "HTTPS");
                plan.Connect("cdn", "gateway", "HTTPS");
                if (f.Has("media"))
                {
                    plan.Add("storage", "Object storage", "storage", "Uploaded and processed media.", kit.ObjectStorage);
                    plan.Connect("core", "storage", "pre-signed URLs");
                }

                break;

            case PatternKind.Microservices:
                plan.Add("cdn", "CDN", "gateway", "Caches media and public reads at the edge.", kit.Cdn);
                plan.Add("gateway", "API gateway", "gateway", "Routing, authentication, rate limits per client.", kit.Kubernetes ? pick.Pick("api-gateway", "envoy", "kong") : kit.Hosting == "aws" ? kb.Technology("aws-api-gateway") : null);
                plan.Add("core", "Core service (accounts and writes)", "service", $"Owns the write path ({modules}).", framework);
                plan.Add("coredb", $"Core database ({postgres?.Name ?? "PostgreSQL"}, partitioned)", "database", "System of record owned by the core service; large tables partitioned.", postgres);
                plan.Use(kit.ManagedDatabase, "Runs the database as a managed service (backups, failover, patching)");
                plan.Add("read", "Read service (feeds and queries)", "service", "Serves precomputed read models from the cache.", framework);
                plan.Add("cache", "Read cache / read models", "cache", "Precomputed feeds and hot objects; cluster mode, sharded by key.", cache);
                // A partitioned log pays off at large scale; below it the kit's managed queue/topic carries domain events.
                plan.Add("stream", f.IsLargeScale ? "Event log" : "Event bus", "queue", "Domain events between services; " + (f.IsLargeScale ? "partitioned by aggregate id." : "one topic per event type, a subscription per consuming service."), f.IsLargeScale ? stream : kit.Queue ?? stream);
                if (f.Has("media"))
                {
                    plan.Add("media", "Media service", "service", "Upload URLs, processing, thumbnails.", framework);
                    plan.Add("storage", "Object storage", "storage", "Original and processed media.", kit.ObjectStorage);
                }

                plan.Add("fanout", "Fan-out workers", "worker", "Consume events and update read models and notifications.");
                plan.Use(runtime, "Service runtime");
                plan.Use(orm, "Data access");
                plan.Use(kit.Kubernetes ? kb.Technology("kubernetes") : kit.Compute, "Runs the services with autoscaling");
                plan.Connect("clients", "cdn", "HTTPS");
                plan.Connect("cdn", "gateway", "HTTPS");
                plan.Connect("gateway", "core", "writes");
                plan.Connect("gateway", "read", "reads");
                plan.Connect("core", "coredb", "SQL");
                plan.Connect("core", "stream", "domain events (outbox)", async: true);
                plan.Connect("stream", "fanout", "consume", async: true);
                plan.Connect("fanout", "cache", "update read models");
                plan.Connect("read", "cache", "get");
                plan.Connect("gateway", "media", "uploads");
                plan.Connect("media", "storage", "store");
                plan.Connect("cdn", "storage", "media", async: false);
                break;

            default:
                plan.Add("lb", kit.IngressName, "gateway", "TLS termination and routing to healthy instances.");
                var appName = decision.Kind switch
                {
                    PatternKind.CqrsMonolith => "Application (modular monolith, CQRS)",
                    PatternKind.EventDrivenMonolith => "Application (modular monolith)",
                    _ => "Application (modular monolith)",
                };
                plan.Add("app", appName, "service", $"One deployable with modules: {modules}.", framework);
                plan.Add("db", postgres?.Name ?? "PostgreSQL", "database", "System of record; one schema per module.", postgres);
                plan.Use(kit.ManagedDatabase, "Runs the database as a managed service (backups, failover, patching)");
                plan.Use(kit.Kubernetes ? null : kit.Compute, "Runs the application: " + kit.KubernetesReason);
                plan.Use(runtime, "Application runtime");
                plan.Use(orm, orm is { Migrations.Length: > 0 } o ? $"Data access; schema migrations with {o.Migrations}" : "Data access and migrations");
                plan.Connect("clients", "lb", "HTTPS");
                plan.Connect("lb", "app", "HTTP");
                plan.Connect("app", "db", "SQL");
                if (decision.Kind is PatternKind.EventDrivenMonolith || f.NeedsQueue)
                {
                    plan.Add("queue", queue is null ? "Job table in the database" : "Message queue", "queue",
                        queue is null
                            ? "Outbox events and background jobs as rows claimed with SELECT … FOR UPDATE SKIP LOCKED, with retries and a dead-letter state; no broker to run beside the application."
                            : "Outbox events and background jobs with retries and a dead-letter queue.", queue);
                    plan.Add("worker", "Background worker", "worker", "Same codebase, separate process: sends notifications, calls slow third parties.");
                    plan.Connect("app", "queue", "outbox events", async: true);
                    plan.Connect("queue", "worker", "consume", async: true);
                    plan.Connect("worker", "db", "SQL");
                }

                if (decision.Kind == PatternKind.CqrsMonolith)
                {
                    plan.Add("readdb", "Read replica and read models", "database", "Serves queries and precomputed views.", postgres);
                    plan.Connect("db", "readdb", "replication", async: true);
                    plan.Connect("app", "readdb", "queries");
                }

                break;
        }

        var core = plan.Has("app") ? "app" : plan.Has("core") ? "core" : "api";

        // Live updates need a connection tier that scales apart from request handling, and a pub/sub fan-out.
        // Connections to hold only where the brief shows a real-time workload (presence, live updates, push); the
        // keyword trait alone ("go live", "within 10 minutes") decides only when no requirements model was read.
        var realtime = f.IsRealtime;
        if (realtime && !f.IsIot && decision.Kind != PatternKind.Serverless)
        {
            plan.Add("realtime", kit.Realtime is null ? "Realtime gateway (WebSockets)" : $"Managed WebSocket tier ({kit.Realtime.Name})", "gateway", "Holds client connections, authenticates them once, and pushes events; scales on connection count" + (f.HasShape("geo-distributed") ? "; connection endpoints sit in the regions where users are, while one system of record stays in the home region." : "."), kit.Realtime ?? framework);
            plan.Add("pubsub", f.NeedsCache ? "Cache and pub/sub" : "Pub/sub channel", "cache", "Fans events out to every gateway instance holding a recipient's connection" + (f.NeedsCache ? "; also caches hot reads." : "."), cache);
            plan.Connect("clients", "realtime", "WebSocket (wss)");
            plan.Connect(core, "pubsub", "publish events", async: true);
            plan.Connect("pubsub", "realtime", "subscribe", async: true);
        }

        // A short, extreme spike (on-sale moments) is absorbed at the edge: admission control before the core.
        if (f.Has("spiky") && f.IsHugeScale && decision.Kind != PatternKind.Microservices)
        {
            plan.Add("waiting-room", "Virtual waiting room (admission queue)", "gateway", $"Admits users at the rate the core can serve during spikes of ~{NumberText.Format(f.PeakRps)} requests/s; everyone else waits in a fair queue at the edge.", kit.Cdn, "Edge admission control and static caching for traffic spikes");
            var front = plan.Has("lb") ? "lb" : plan.Has("gateway") ? "gateway" : core;
            plan.Flows.RemoveAll(fl => fl.From == "clients" && fl.To == front);
            plan.Connect("clients", "waiting-room", "HTTPS");
            plan.Connect("waiting-room", front, "admitted requests");
        }

        if (f.NeedsCache && !plan.Has("cache") && !plan.Has("pubsub"))
        {
            plan.Add("cache", "Cache", "cache", "Hot reads and rate-limit counters; cache-aside with TTLs.", cache);
            plan.Connect(plan.Has("app") ? "app" : plan.Has("api") ? "api" : "read", "cache", "cache-aside");
        }
        else if (f.NeedsCache && plan.Has("pubsub"))
        {
            plan.Connect(core, "pubsub", "cache-aside");
        }

        // PostgreSQL full-text search covers modest loads; a search cluster is justified only at scale.
        if (f.Has("search") && decision.Kind != PatternKind.Serverless && f.IsLargeScale)
        {
            plan.Add("search", "Search index", "database", "Full-text search fed from change events.", pick.Pick("search", "opensearch"));
            plan.Connect(plan.Has("app") ? "app" : plan.Has("api") ? "api" : "read", "search", "queries");
        }

        if (f.Has("media") && !plan.Has("storage"))
        {
            plan.Add("storage", "Object storage", "storage", "Uploaded files via pre-signed URLs.", kit.ObjectStorage);
            plan.Connect(plan.Has("app") ? "app" : "api", "storage", "pre-signed URLs");
        }

        var caller = plan.Has("worker") ? "worker" : plan.Has("workers") ? "workers" : plan.Has("fanout") ? "fanout" : plan.Has("app") ? "app" : "api";
        if (f.Has("payments"))
        {
            plan.Add("payments", kit.StatedPayments is { } statedPayments ? $"Payment provider ({statedPayments})" : "Payment provider", "external", "Card capture, tokenisation and payouts; card data never touches our systems.", kit.Payments);
            plan.Connect(plan.Has("app") ? "app" : plan.Has("core") ? "core" : "api", "payments", "tokenised payments");
            plan.Connect("payments", caller, "webhooks", async: true);
        }

        if (f.Has("async-workflow") && !plan.Has("notify"))
        {
            plan.Add("notify", "E-mail / SMS provider", "external", "Delivers notifications and reminders.", kit.Email);
            plan.Connect(caller, "notify", "send", async: true);
        }

        if (f.Has("video"))
        {
            plan.Add("video", "Video provider", "external", "Hosts the video sessions; we store only session ids.");
            plan.Connect(plan.Has("app") ? "app" : "api", "video", "create session");
        }

        // Batch work (nightly loads, transcoding, reports) runs as jobs that scale to zero between runs, not as an always-on tier.
        if (f.HasShape("batch") && decision.Kind != PatternKind.Serverless)
        {
            // With a cloud queue, jobs run on the cloud's scale-to-zero compute; with an in-app job library they run on its workers.
            var jobs = kit.Hosting is "aws" or "azure" or "gcp" && kit.Queue?.Ecosystem == "cloud-service" ? kit.Functions : null;
            plan.Add("jobs", "Scheduled batch jobs", "worker",
                jobs is null
                    ? $"Run-to-completion jobs started on a schedule on {kit.PlatformName}; idempotent and re-runnable, and a failed run leaves the previous result published."
                    : $"Run-to-completion jobs on {jobs.Name}, triggered by a schedule or a queue message and scaling to zero between runs; idempotent and re-runnable.",
                jobs, "Scheduled and queue-triggered batch jobs that scale to zero");
            plan.Connect(plan.Has("queue") ? "queue" : core, "jobs", "start job", async: true);
            plan.Connect("jobs", plan.Has("db") ? "db" : "coredb", "SQL");
        }

        CapabilityMatcher.Apply(f, plan, kb, CapabilityCatalog.Default);

        // A pick that runs on another product (Sidekiq keeps its queues in Redis) brings the kit's choice for it.
        foreach (var (tech, _) in plan.Technologies.ToList())
        {
            foreach (var category in tech.Requires.Where(c => plan.Technologies.All(t => t.Tech.Category != c)))
            {
                if (kit.Decides(category, out var needed) && needed is not null)
                {
                    plan.Use(needed, $"{tech.Name} runs on it: the design keeps {tech.Name}, so it keeps what {tech.Name} needs");
                }
            }
        }

        plan.Add("otel", $"Observability ({kit.MonitorName})", "observability", "Collects traces, metrics and logs (OpenTelemetry SDKs); dashboards and SLO alerts.", kit.Observability.Count > 0 ? kit.Observability[0] : null);
        foreach (var extra in kit.Observability.Skip(1))
        {
            plan.Use(extra, extra.Category == "observability" && extra.Id == "grafana" ? "Dashboards" : "Metrics, traces and alerting");
        }

        foreach (var component in plan.Components.Where(c => c.Kind is "service" or "worker").ToList())
        {
            plan.Connect(component.Id, "otel", "OTLP", async: true);
        }

        plan.Use(pick.Pick("ci-cd", "github"), "Build, test and publish pipeline");
        plan.Use(kit.Iac, "Infrastructure as code for the " + kit.PlatformName + " resources");
        plan.Use(kit.Secrets, "Secrets management");
        if (kit.Keys is not null && kit.Keys.Id != kit.Secrets?.Id && (f.Regimes.Count > 0 || f.Has("payments")))
        {
            plan.Use(kit.Keys, "Encryption keys for databases, buckets and backups");
        }

        var entry = plan.Has("gateway") ? "gateway" : plan.Has("lb") ? "lb" : plan.Has("api") ? "api" : null;
        plan.Connect("clients", "idp", "sign in (OIDC)");
        foreach (var verifier in new[] { entry == "lb" ? "app" : entry, "api" }.OfType<string>().Distinct())
        {
            plan.Connect(verifier, "idp", "validate tokens (JWKS)");
        }
        if (kit.Kubernetes)
        {
            plan.Use(pick.Pick("container-orchestration", "kubernetes"), "Runs the containers with autoscaling and self-healing");
            plan.Use(pick.Pick("gitops", "argo", "flux"), "GitOps: the cluster follows the Git repository");
        }

        return plan;
    }

    internal static string Modules(DesignFacts f)
    {
        // The modules are the brief's own things, the ones its use cases act on first (a hotel's bookings and rooms),
        // not the keyword-matched template entities, which can come from another domain (patients, carts).
        var model = f.Context.Requirements;
        if (model is { Entities.Count: > 0 })
        {
            var actedOn = model.UseCases.Select(u => u.Object.ToLowerInvariant()).ToList();
            var names = model.Entities
                .OrderByDescending(e => actedOn.Count(o => o.EndsWith(e.Name, StringComparison.OrdinalIgnoreCase) || o.EndsWith(Inflection.Plural(e.Name), StringComparison.OrdinalIgnoreCase)))
                .Select(e => Inflection.Plural(e.Name)).Where(n => n is not "users").Distinct().Take(6).ToList();
            return "accounts, " + string.Join(", ", names);
        }

        var kb = KnowledgeBase.Default;
        var template = f.Entities.Where(e => e != "user").Select(e => kb.Entity(e)?.Resource ?? e).Take(8).ToList();
        return template.Count == 0 ? "accounts" : "accounts, " + string.Join(", ", template);
    }

    private static string[] FrameworkPreferences(string stack) => stack switch
    {
        "dotnet" => ["asp.net", "aspnet"],
        "python" => ["fastapi", "django"],
        "java" => ["spring"],
        "go" => ["chi", "gin", "echo"],
        "ruby" => ["rails"],
        "php" => ["symfony"],
        _ => ["nest", "fastify"],
    };

    private static string[] RuntimePreferences(string stack) => stack switch
    {
        "dotnet" => [".net", "dotnet"],
        "python" => ["python"],
        "java" => ["java", "jdk"],
        "go" => ["go"],
        "ruby" => ["ruby"],
        "php" => ["php"],
        _ => ["node"],
    };

    private static string[] OrmPreferences(string stack) => stack switch
    {
        "dotnet" => ["ef", "entity", "npgsql"],
        "python" => ["sqlalchemy"],
        "java" => ["hibernate", "jooq", "flyway"],
        "go" => ["pgx", "sqlc"],
        "ruby" or "php" => [],
        _ => ["prisma", "drizzle", "kysely"],
    };

    private static string[] ServerlessPreferences(string cloud) => cloud switch
    {
        "azure" => ["azure functions", "functions"],
        "gcp" => ["cloud run", "cloud functions"],
        _ => ["lambda"],
    };
}
