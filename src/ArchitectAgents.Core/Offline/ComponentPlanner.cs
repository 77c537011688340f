using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>Lays out components, flows and technologies for a chosen pattern.</summary>
internal static class ComponentPlanner
{
    public static ComponentPlan Plan(DesignFacts f, PatternDecision decision, KnowledgeBase kb)
    {
        var pick = new TechnologyPicker(kb, f.Stack);
        var plan = new ComponentPlan();
        var framework = pick.Pick("web-framework", FrameworkPreferences(f.Stack));
        var runtime = pick.Pick("language-runtime", RuntimePreferences(f.Stack));
        var orm = pick.Pick("orm", OrmPreferences(f.Stack));
        var postgres = pick.Pick("database", "postgres");
        var queue = f.Cloud == "aws" ? pick.Pick("queue", "sqs", "rabbit") : pick.Pick("queue", "rabbit", "nats");
        var stream = pick.Pick("stream", "kafka");
        var cache = pick.Pick("cache", "redis", "valkey");
        var modules = Modules(f);

        plan.Add("clients", f.Has("internal") ? "Internal users (browser)" : "Web and mobile clients", "client", "Call the public API over HTTPS.");
        // A small stated load does not justify running an identity server: sign-in goes to the organisation's (or a hosted) OIDC provider.
        if (f.IsSmallLoad)
        {
            plan.Add("idp", "Identity provider (existing or hosted OIDC)", "external", "The organisation's existing identity provider, or a hosted one: issues OAuth 2.1 / OIDC tokens; MFA for privileged roles.");
        }
        else
        {
            plan.Add("idp", "Identity provider", "external", "Issues OAuth 2.1 / OIDC tokens; MFA for privileged roles.", pick.Pick("auth", "keycloak"), "Authentication and single sign-on (OIDC)");
        }

        switch (decision.Kind)
        {
            case PatternKind.Serverless:
                // Functions sit behind the provider's managed gateway; a self-run gateway in front of them is a server to babysit.
                plan.Add("gateway", "API gateway", "gateway", "TLS termination, authentication, throttling.", f.Cloud == "aws" ? pick.Pick("api-gateway", "aws-api-gateway", "kong") : pick.Pick("api-gateway", "kong", "envoy"));
                plan.Add("api", "API functions", "service", $"Request/response endpoints ({modules}).", pick.Pick("serverless", ServerlessPreferences(f.Cloud)), "Functions that scale with demand and to zero when idle");
                plan.Add("scheduler", "Scheduler", "service", "Starts batch runs on a schedule (cron trigger) and on demand.");
                plan.Add("queue", "Job queue", "queue", "Buffers work items so the spike is absorbed and retried.", queue);
                plan.Add("workers", "Worker functions", "worker", "Process one job each, idempotently, with bounded concurrency.");
                plan.Add("storage", "Object storage", "storage", "Generated files, with lifecycle rules for retention.", pick.Pick("object-storage", f.Cloud == "on-prem" ? "minio" : "s3"));
                plan.Add("db", "PostgreSQL", "database", "System of record; connections through a pooler because functions scale out.", postgres);
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
                plan.Add("db", "PostgreSQL", "database", "Device registry, users, alert state.", postgres);
                plan.Add("notify", "Notification provider", "external", "Delivers alerts by SMS, push and e-mail.", pick.Pick("email"));
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

            case PatternKind.Microservices:
                plan.Add("cdn", "CDN", "gateway", "Caches media and public reads at the edge.", pick.Pick("cdn", "cloudflare"));
                plan.Add("gateway", "API gateway", "gateway", "Routing, authentication, rate limits per client.", pick.Pick("api-gateway", "envoy", "kong"));
                plan.Add("core", "Core service (accounts and writes)", "service", $"Owns the write path ({modules}).", framework);
                plan.Add("coredb", "Core database (PostgreSQL, partitioned)", "database", "System of record owned by the core service; large tables partitioned.", postgres);
                plan.Add("read", "Read service (feeds and queries)", "service", "Serves precomputed read models from the cache.", framework);
                plan.Add("cache", "Read cache / read models", "cache", "Precomputed feeds and hot objects; cluster mode, sharded by key.", cache);
                plan.Add("stream", "Event log", "queue", "Domain events between services; partitioned by aggregate id.", stream);
                if (f.Has("media"))
                {
                    plan.Add("media", "Media service", "service", "Upload URLs, processing, thumbnails.", framework);
                    plan.Add("storage", "Object storage", "storage", "Original and processed media.", pick.Pick("object-storage", "s3"));
                }

                plan.Add("fanout", "Fan-out workers", "worker", "Consume events and update read models and notifications.");
                plan.Use(runtime, "Service runtime");
                plan.Use(orm, "Data access");
                plan.Use(pick.Pick("container-orchestration", "kubernetes"), "Runs the services with autoscaling");
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
                plan.Add("lb", "Load balancer / ingress", "gateway", "TLS termination and routing to healthy instances.");
                var appName = decision.Kind switch
                {
                    PatternKind.CqrsMonolith => "Application (modular monolith, CQRS)",
                    PatternKind.EventDrivenMonolith => "Application (modular monolith)",
                    _ => "Application (modular monolith)",
                };
                plan.Add("app", appName, "service", $"One deployable with modules: {modules}.", framework);
                plan.Add("db", "PostgreSQL", "database", "System of record; one schema per module.", postgres);
                plan.Use(runtime, "Application runtime");
                plan.Use(orm, "Data access and migrations");
                plan.Connect("clients", "lb", "HTTPS");
                plan.Connect("lb", "app", "HTTP");
                plan.Connect("app", "db", "SQL");
                if (decision.Kind is PatternKind.EventDrivenMonolith || f.NeedsQueue)
                {
                    plan.Add("queue", "Message queue", "queue", "Outbox events and background jobs with retries and a dead-letter queue.", queue);
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
        if (f.Has("realtime") && !f.IsIot && decision.Kind != PatternKind.Serverless)
        {
            plan.Add("realtime", "Realtime gateway (WebSockets)", "gateway", "Holds client connections, authenticates them once, and pushes events; scales on connection count.", framework);
            plan.Add("pubsub", f.NeedsCache ? "Cache and pub/sub" : "Pub/sub channel", "cache", "Fans events out to every gateway instance holding a recipient's connection" + (f.NeedsCache ? "; also caches hot reads." : "."), cache);
            plan.Connect("clients", "realtime", "WebSocket (wss)");
            plan.Connect(core, "pubsub", "publish events", async: true);
            plan.Connect("pubsub", "realtime", "subscribe", async: true);
        }

        // A short, extreme spike (on-sale moments) is absorbed at the edge: admission control before the core.
        if (f.Has("spiky") && f.IsHugeScale && decision.Kind != PatternKind.Microservices)
        {
            plan.Add("waiting-room", "Virtual waiting room (admission queue)", "gateway", $"Admits users at the rate the core can serve during spikes of ~{NumberText.Format(f.PeakRps)} requests/s; everyone else waits in a fair queue at the edge.", pick.Pick("cdn", "cloudflare", "cloudfront"), "Edge admission control and static caching for traffic spikes");
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
            plan.Add("storage", "Object storage", "storage", "Uploaded files via pre-signed URLs.", pick.Pick("object-storage", f.Cloud == "on-prem" ? "minio" : "s3"));
            plan.Connect(plan.Has("app") ? "app" : "api", "storage", "pre-signed URLs");
        }

        var caller = plan.Has("worker") ? "worker" : plan.Has("workers") ? "workers" : plan.Has("fanout") ? "fanout" : plan.Has("app") ? "app" : "api";
        if (f.Has("payments"))
        {
            plan.Add("payments", "Payment provider", "external", "Card capture, tokenisation and payouts; card data never touches our systems.", pick.Pick("payments", "stripe"));
            plan.Connect(plan.Has("app") ? "app" : plan.Has("core") ? "core" : "api", "payments", "tokenised payments");
            plan.Connect("payments", caller, "webhooks", async: true);
        }

        if (f.Has("async-workflow") && !plan.Has("notify"))
        {
            plan.Add("notify", "E-mail / SMS provider", "external", "Delivers notifications and reminders.", pick.Pick("email"));
            plan.Connect(caller, "notify", "send", async: true);
        }

        if (f.Has("video"))
        {
            plan.Add("video", "Video provider", "external", "Hosts the video sessions; we store only session ids.");
            plan.Connect(plan.Has("app") ? "app" : "api", "video", "create session");
        }

        plan.Add("otel", "Observability (OpenTelemetry)", "observability", "Collects traces, metrics and logs; dashboards and SLO alerts.", pick.Pick("observability", "opentelemetry", "collector"));
        // Separate metrics and dashboard servers pay off at scale; a small load sends the collector's output to one hosted backend.
        if (!f.IsSmallLoad)
        {
            plan.Use(pick.Pick("observability", "prometheus"), "Metrics and alerting");
            plan.Use(pick.Pick("observability", "grafana"), "Dashboards");
        }
        foreach (var component in plan.Components.Where(c => c.Kind is "service" or "worker").ToList())
        {
            plan.Connect(component.Id, "otel", "OTLP", async: true);
        }

        plan.Use(pick.Pick("ci-cd", "github"), "Build, test and publish pipeline");
        plan.Use(pick.Pick("iac", "opentofu", "terraform"), "Infrastructure as code");
        plan.Use(pick.Pick("secrets", "vault"), "Secrets management with short-lived credentials");
        if (f.Cloud == "aws")
        {
            plan.Use(pick.Pick("secrets", "kms"), "Encryption keys for databases, buckets and backups");
        }

        var entry = plan.Has("gateway") ? "gateway" : plan.Has("lb") ? "lb" : plan.Has("api") ? "api" : null;
        plan.Connect("clients", "idp", "sign in (OIDC)");
        foreach (var verifier in new[] { entry == "lb" ? "app" : entry, "api" }.OfType<string>().Distinct())
        {
            plan.Connect(verifier, "idp", "validate tokens (JWKS)");
        }
        if (decision.Kind != PatternKind.Serverless && (f.Team >= 6 || decision.Kind == PatternKind.Microservices))
        {
            plan.Use(pick.Pick("container-orchestration", "kubernetes"), "Runs the containers with autoscaling and self-healing");
            plan.Use(pick.Pick("gitops", "argo", "flux"), "GitOps: the cluster follows the Git repository");
        }

        return plan;
    }

    internal static string Modules(DesignFacts f)
    {
        var kb = KnowledgeBase.Default;
        var names = f.Entities.Where(e => e != "user").Select(e => kb.Entity(e)?.Resource ?? e).Take(8).ToList();
        return names.Count == 0 ? "accounts" : "accounts, " + string.Join(", ", names);
    }

    private static string[] FrameworkPreferences(string stack) => stack switch
    {
        "dotnet" => ["asp.net", "aspnet"],
        "python" => ["fastapi", "django"],
        "java" => ["spring"],
        "go" => ["chi", "gin", "echo"],
        _ => ["nest", "fastify"],
    };

    private static string[] RuntimePreferences(string stack) => stack switch
    {
        "dotnet" => [".net", "dotnet"],
        "python" => ["python"],
        "java" => ["java", "jdk"],
        "go" => ["go"],
        _ => ["node"],
    };

    private static string[] OrmPreferences(string stack) => stack switch
    {
        "dotnet" => ["ef", "entity", "npgsql"],
        "python" => ["sqlalchemy"],
        "java" => ["hibernate", "jooq", "flyway"],
        "go" => ["pgx", "sqlc"],
        _ => ["prisma", "drizzle", "kysely"],
    };

    private static string[] ServerlessPreferences(string cloud) => cloud switch
    {
        "azure" => ["azure functions", "functions"],
        "gcp" => ["cloud run", "cloud functions"],
        _ => ["lambda"],
    };
}
