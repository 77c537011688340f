using System.Globalization;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Security;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Offline checklist gate: scores the persona's pre-response checklist, its anti-patterns, the contradiction checks
/// computed from the artifacts (<see cref="DesignCheckRegistry"/>), the artifact validation results and open review
/// findings, item by item with evidence, and decides pass, revise (while rounds remain and a round can still change
/// something) or fail.
/// </summary>
public sealed class ChecklistGateAgent : OfflineAgent
{
    /// <inheritdoc />
    public override string AgentId => "checklist-gate";

    /// <inheritdoc />
    protected override AgentOutput Produce(AgentInput input)
    {
        var doc = input.Document;
        var design = doc.Design ?? throw new InvalidOperationException("checklist-gate needs the design section");
        var context = doc.Context ?? throw new InvalidOperationException("checklist-gate needs the context section");
        var facts = DesignFacts.From(context);
        var items = new List<GateItem>();
        void Add(string id, string kind, string title, GateItemStatus status, string evidence) =>
            items.Add(new GateItem { Id = id, Kind = kind, Title = title, Status = status, Evidence = evidence });

        Requirements(context, Add);
        Checklist(design, doc.Verification, facts, Add);
        AntiPatterns(design, facts, Add);
        var computed = ComputedGate.Of(doc);
        items.AddRange(computed.Items);

        foreach (var result in doc.Validation?.Results ?? [])
        {
            var errors = result.Messages.Where(m => m.Level == "error").ToList();
            Add($"validation.{Slug(result.Artifact)}.{Slug(result.Validator)}", "validation", $"{result.Artifact} passes {result.Validator}",
                result.Outcome switch { ValidationOutcome.Passed => GateItemStatus.Pass, ValidationOutcome.Skipped => GateItemStatus.Warn, _ => GateItemStatus.Fail },
                result.Outcome switch
                {
                    ValidationOutcome.Passed => "validator ran and reported no errors",
                    ValidationOutcome.Skipped => "skipped: " + result.SkippedReason,
                    _ => $"{errors.Count} error(s): " + string.Join("; ", errors.Take(3).Select(e => (e.Line is { } l ? $"line {l}: " : "") + e.Message)),
                });
        }

        if (doc.Validation is null)
        {
            Add("validation.missing", "validation", "Artifacts were validated", GateItemStatus.Fail, "no validation section: the artifacts were not checked");
        }

        ReviewItems(doc.Review, Add);

        var failed = items.Where(i => i.Status == GateItemStatus.Fail).ToList();
        // Another design round cannot fix what only the requester can answer: with no stated scope the design is a
        // skeleton, and sending it back would only repeat it.
        var skeleton = failed.Any(i => i.Id == RequirementsItem);
        var fixable = skeleton ? new List<GateItem>() : failed;
        // A round that changed none of the failed items will not change them the next time either.
        var stalled = fixable.Count > 0 && doc.Gate is { } previous && fixable.All(i => previous.Items.Any(p => p.Id == i.Id && p.Status == GateItemStatus.Fail && Found(p.Evidence) == Found(i.Evidence)));
        var verdict = failed.Count == 0 ? GateVerdict.Pass : fixable.Count > 0 && !stalled && (input.RevisionsLeft ?? 0) > 0 ? GateVerdict.Revise : GateVerdict.Fail;
        var score = GateScore.Of(items);
        var warned = items.Count(i => i.Status == GateItemStatus.Warn);
        var gate = new GateSection
        {
            Sources = ["design", "verification", "review", "validation"],
            Items = items,
            Score = score,
            Verdict = verdict,
            Iteration = input.Round,
            SentBack = verdict == GateVerdict.Revise ? [.. fixable.Select(i => i.Id)] : [],
            Traceability = computed.Traceability,
            Summary = verdict switch
            {
                GateVerdict.Pass => $"Pass with score {score}: {items.Count - warned} of {items.Count} items pass" + (warned > 0 ? $", {warned} warning(s) shown in the report (for example unverified versions)." : "."),
                GateVerdict.Revise => $"Revise: {fixable.Count} item(s) failed and go back to the designer: {string.Join(", ", fixable.Select(i => i.Id))}.",
                _ when skeleton => $"Fail: only the requester can fix this ({string.Join(", ", failed.Select(i => i.Id))}): {failed[0].Evidence} The deliverables are a generic skeleton until then; answer the clarifying questions and run again.",
                _ when stalled => $"Fail after {input.Round} round(s): the last revision changed none of the {failed.Count} failed item(s) ({string.Join(", ", failed.Select(i => i.Id))}); delivered with this report.",
                _ => $"Fail after {input.Round} round(s): {failed.Count} item(s) still fail ({string.Join(", ", failed.Select(i => i.Id))}); delivered with this report.",
            },
        };
        var outcome = verdict.ToString().ToLowerInvariant();
        return Output(outcome, gate.Summary, (SectionNames.Gate, gate));
    }

    // What an item found, without how much it looked at (a revision that adds a table changes the count, not the finding).
    private static string Found(string evidence) =>
        evidence.LastIndexOf(CheckResult.MeasuredSeparator, StringComparison.Ordinal) is var at and >= 0 ? evidence[..at] : evidence;

    private static void ReviewItems(ReviewSection? review, Action<string, string, string, GateItemStatus, string> add)
    {
        var open = review?.Findings.Where(f => f.Status == FindingStatus.Open).ToList() ?? [];
        // Text in the brief that tries to instruct the tool is reported, never obeyed; the design cannot fix the brief,
        // so it is shown as a warning of its own instead of blocking the design it did not change.
        var instructions = open.Where(InstructionFinding.Is).ToList();
        var blocking = open.Where(f => f.Severity >= Severity.High && !InstructionFinding.Is(f)).ToList();
        add("review.open-critical-high", "review", "No open critical or high review findings",
            review is null ? GateItemStatus.Fail : blocking.Count > 0 ? GateItemStatus.Fail : GateItemStatus.Pass,
            review is null ? "no review section" : blocking.Count > 0 ? $"{blocking.Count} open: " + string.Join("; ", blocking.Select(f => $"{f.Id} ({f.Severity.ToString().ToLowerInvariant()}, {f.AffectedSection}): {f.Title}")) : $"{review.Findings.Count(f => f.Status == FindingStatus.Resolved)} finding(s) resolved, none open at high or critical");
        add("review.untrusted-instructions", "review", "Instructions embedded in the brief or attachments were reported and not followed",
            instructions.Count > 0 ? GateItemStatus.Warn : GateItemStatus.Pass,
            instructions.Count > 0 ? $"{instructions.Count} passage(s) addressed to the tool were ignored (the checklist ran as usual): " + string.Join("; ", instructions.Select(f => $"{f.Id}: {f.Title}")) : "no instruction-like text addressed to the tool found in the brief or attachments");
        var medium = open.Except(blocking).Except(instructions).ToList();
        add("review.open-medium-low", "review", "Medium and low review findings are tracked", medium.Count > 0 ? GateItemStatus.Warn : GateItemStatus.Pass,
            medium.Count > 0 ? "open: " + string.Join(", ", medium.Select(f => f.Id)) : "none open");
    }

    /// <summary>Persona: gather context and ask rather than assume. A design for a brief that never says what the system does is a guess.</summary>
    private static void Requirements(ContextSection c, Action<string, string, string, GateItemStatus, string> add)
    {
        var assumed = c.Assumptions.Select(a => a.Topic).Where(t => t is not "peak load").Distinct(StringComparer.Ordinal).ToList();
        var noScope = assumed.Contains("scope");
        var stated = KeyTopics.Length - KeyTopics.Count(assumed.Contains);
        var status = noScope ? GateItemStatus.Fail : stated <= 1 ? GateItemStatus.Warn : GateItemStatus.Pass;
        add(RequirementsItem, "checklist", "The design meets stated requirements and names the assumptions it relies on", status, status switch
        {
            GateItemStatus.Fail => "the brief does not say what the system must do (no functional requirement, domain or domain entity was found), so components, API and schema are placeholders.",
            GateItemStatus.Warn => $"only {stated} of {KeyTopics.Length} key facts (scale, team, compliance, residency, availability) were stated; the design rests on {assumed.Count} assumption(s): {string.Join(", ", assumed)}.",
            _ => $"{stated} of {KeyTopics.Length} key facts stated; {(assumed.Count == 0 ? "no assumptions" : $"assumptions named in the context: {string.Join(", ", assumed)}")}.",
        });
    }

    private const string RequirementsItem = "checklist.requirements";

    private static readonly string[] KeyTopics = ["scale", "team", "compliance", "data residency", "availability"];

    private static void Checklist(DesignSection d, VerificationSection? verification, DesignFacts f, Action<string, string, string, GateItemStatus, string> add)
    {
        var entries = verification?.Entries ?? [];
        var missing = d.Technologies.Where(t => entries.All(e => e.TechnologyId != t.Id)).Select(t => t.Name).ToList();
        var bad = entries.Where(e => StillFlagged(e, d) && e.Status is VerificationStatus.Outdated or VerificationStatus.Vulnerable).ToList();
        var moved = entries.Where(e => e.Status is VerificationStatus.Outdated or VerificationStatus.Vulnerable && d.Technologies.Any(t => t.Id == e.TechnologyId) && !StillFlagged(e, d)).ToList();
        var unverified = entries.Where(e => d.Technologies.Any(t => t.Id == e.TechnologyId) && e.Status == VerificationStatus.Unverified).ToList();
        add("checklist.verified", "checklist", "All recommended technologies verified against current documentation",
            missing.Count > 0 || bad.Count > 0 ? GateItemStatus.Fail : unverified.Count > 0 ? GateItemStatus.Warn : GateItemStatus.Pass,
            missing.Count > 0 ? "no verification entry for: " + string.Join(", ", missing)
            : bad.Count > 0 ? string.Join("; ", bad.Select(b => $"{b.Name} {b.ChosenVersion} is {b.Status.ToString().ToLowerInvariant()}: {b.Reason}"))
            : unverified.Count > 0 && moved.Count > 0 ? $"{Moved(moved)}; {unverified.Count} of {d.Technologies.Count} technologies are unverified: {string.Join(", ", unverified.Select(u => u.Name).Take(8))}{(unverified.Count > 8 ? ", …" : "")}"
            : moved.Count > 0 && unverified.Count == 0 ? Moved(moved)
            : unverified.Count > 0 ? $"{unverified.Count} of {d.Technologies.Count} technologies are unverified (no current source confirmed them; reasons in the verification table): {string.Join(", ", unverified.Select(u => u.Name).Take(8))}{(unverified.Count > 8 ? ", …" : "")}"
            : $"{d.Technologies.Count} technologies verified");

        var noVersion = d.Technologies.Where(t => string.IsNullOrWhiteSpace(t.Version)).Select(t => t.Name).ToList();
        add("checklist.versions", "checklist", "Version numbers stated for every technology", noVersion.Count > 0 ? GateItemStatus.Fail : GateItemStatus.Pass,
            noVersion.Count > 0 ? "no version: " + string.Join(", ", noVersion) : $"{d.Technologies.Count} technologies with versions");

        var vulnerable = entries.Where(e => e.Status == VerificationStatus.Vulnerable && StillFlagged(e, d)).ToList();
        add("checklist.no-vulnerabilities", "checklist", "No known vulnerabilities in the stack",
            vulnerable.Count > 0 ? GateItemStatus.Fail : entries.Count > 0 && entries.All(e => e.Status == VerificationStatus.Unverified) ? GateItemStatus.Warn : GateItemStatus.Pass,
            vulnerable.Count > 0 ? "vulnerable: " + string.Join(", ", vulnerable.Select(v => $"{v.Name} {v.ChosenVersion} ({string.Join(", ", v.Advisories.Select(a => a.Id))})"))
            : entries.All(e => e.Status == VerificationStatus.Unverified) ? "no advisory database was consulted" : "no advisories reported for the chosen versions");

        var deprecated = d.Technologies.Where(t => KnowledgeBase.Default.Technology(t.Id)?.Deprecated == true).Select(t => t.Name).ToList();
        add("checklist.no-deprecated", "checklist", "No deprecated features or technologies", deprecated.Count > 0 ? GateItemStatus.Fail : GateItemStatus.Pass,
            deprecated.Count > 0 ? "deprecated: " + string.Join(", ", deprecated) : "none of the picks is marked deprecated in the catalogue");

        var yaml = d.Api.OpenApiYaml;
        var apiProblems = new List<string>();
        if (!yaml.Contains("securitySchemes", StringComparison.Ordinal)) apiProblems.Add("no security scheme");
        if (!yaml.Contains("cursor", StringComparison.Ordinal)) apiProblems.Add("no cursor pagination");
        if (!yaml.Contains("application/problem+json", StringComparison.Ordinal)) apiProblems.Add("no RFC 9457 problem responses");
        if (!yaml.Contains("/v1/", StringComparison.Ordinal)) apiProblems.Add("no versioned paths");
        // An adopted product's API is the vendor's: a contract with no operation of ours has no patterns to check.
        var noApi = d.AdoptsProduct && !yaml.Contains("/v1/", StringComparison.Ordinal);
        add("checklist.api-patterns", "checklist", "API patterns match current practice (auth, pagination, errors, versioning)",
            apiProblems.Count > 0 && !noApi ? GateItemStatus.Fail : GateItemStatus.Pass,
            noApi ? "not applicable: the design builds no API (the adopted product's own interface serves the use cases)"
            : apiProblems.Count > 0 ? string.Join("; ", apiProblems) : "bearer auth, cursor pagination, problem+json errors and /v1 paths present");

        var tradeoffs = d.Tradeoffs.Count(t => t.OptimisesFor.Length > 0 && t.Sacrifices.Length > 0);
        add("checklist.tradeoffs", "checklist", "Trade-offs clearly articulated", tradeoffs >= 2 ? GateItemStatus.Pass : GateItemStatus.Fail,
            $"{tradeoffs} trade-off(s) with both what is gained and what is given up");

        var dep = d.Deployment;
        var deploymentGaps = new List<string>();
        if (dep.Environments.Count < 2) deploymentGaps.Add("fewer than two environments");
        if (dep.Pipeline.Count == 0) deploymentGaps.Add("no CI/CD pipeline");
        if (string.IsNullOrWhiteSpace(dep.Rollback)) deploymentGaps.Add("no rollback procedure");
        add("checklist.deployment", "checklist", "Deployment strategy defined (GitOps/CI/CD, rollout, rollback)", deploymentGaps.Count > 0 ? GateItemStatus.Fail : GateItemStatus.Pass,
            deploymentGaps.Count > 0 ? string.Join("; ", deploymentGaps) : $"{dep.Environments.Count} environments, {dep.Pipeline.Count} pipeline steps, rollout and rollback defined");

        var pattern = d.Architecture.Pattern + " " + string.Join(' ', d.Architecture.Alternatives.Select(a => a.Pattern));
        var considered = pattern.Contains("Serverless", StringComparison.OrdinalIgnoreCase) && pattern.Contains("Edge", StringComparison.OrdinalIgnoreCase);
        add("checklist.edge-serverless", "checklist", "Edge and serverless considered where appropriate", considered || d.AdoptsProduct ? GateItemStatus.Pass : GateItemStatus.Fail,
            considered ? "both appear as chosen pattern or as evaluated alternatives with reasons"
            : d.AdoptsProduct ? "not applicable: the design adopts a hosted product and runs no code of its own" : "edge or serverless not evaluated");
    }

    // An outdated or vulnerable entry stops counting once the design uses the version verification recommended.
    private static bool StillFlagged(VerificationEntry entry, DesignSection d) =>
        d.Technologies.FirstOrDefault(t => t.Id == entry.TechnologyId) is { } tech
        && (entry.RecommendedVersion is null || tech.Version != entry.RecommendedVersion);

    private static string Moved(List<VerificationEntry> moved) =>
        "moved to the recommended version: " + string.Join(", ", moved.Select(m => $"{m.Name} {m.ChosenVersion} → {m.RecommendedVersion}"));

    private static void AntiPatterns(DesignSection d, DesignFacts f, Action<string, string, string, GateItemStatus, string> add)
    {
        var components = d.Architecture.Components;
        var services = components.Where(c => c.Kind == "service").Select(c => c.Id).ToHashSet();
        var databases = components.Where(c => c.Kind == "database").Select(c => c.Id).ToHashSet();
        var sharedDb = databases.Where(db => d.Architecture.Flows.Where(fl => fl.To == db && services.Contains(fl.From)).Select(fl => fl.From).Distinct().Count() > 1).ToList();
        var micro = d.Architecture.Pattern.Contains("Microservices", StringComparison.OrdinalIgnoreCase);
        add("anti-pattern.distributed-monolith", "anti-pattern", "No distributed monolith (services sharing a database or chained synchronously)",
            micro && sharedDb.Count > 0 ? GateItemStatus.Fail : GateItemStatus.Pass,
            micro && sharedDb.Count > 0 ? "several services write to: " + string.Join(", ", sharedDb) : micro ? "each service owns its data; cross-service flows are events" : "single deployable: not applicable");

        var premature = micro && f.Team < 20 && !f.IsHugeScale;
        add("anti-pattern.premature-microservices", "anti-pattern", "No premature microservices", premature ? GateItemStatus.Fail : GateItemStatus.Pass,
            premature ? $"microservices for a team of {f.Team} without scale that needs them" : micro ? $"split justified by scale ({NumberText.Format(f.Users)} users, {NumberText.Format(f.PeakRps)} req/s)" : "not using microservices");

        var kafka = d.Technologies.Any(t => t.Id == "kafka");
        var cargo = kafka && !f.IsIot && !f.IsLargeScale;
        var messaging = d.Technologies.Where(t => t.Category is "queue" or "stream").Select(t => t.Name).ToList();
        add("anti-pattern.cargo-culting", "anti-pattern", "No cargo-culted big-tech components", cargo ? GateItemStatus.Fail : GateItemStatus.Pass,
            cargo ? $"a Kafka log for {NumberText.Format(f.PeakRps)} req/s and {NumberText.Format(f.Users)} users, a load a simple queue handles"
            : $"{(kafka ? "Kafka for a large-scale or device load" : "no partitioned event log (Kafka) in the kit")}; messaging: {(messaging.Count == 0 ? "none" : string.Join(", ", messaging))}");

        var ha = string.Join(' ', d.Deployment.Platform, d.Deployment.DisasterRecovery, string.Join(' ', d.Risks.Select(r => r.Mitigation)), string.Join(' ', d.Scaling.SelectMany(s => s.Actions)));
        var redundant = ha.Contains("standby", StringComparison.OrdinalIgnoreCase) || ha.Contains("replica", StringComparison.OrdinalIgnoreCase) || ha.Contains("managed", StringComparison.OrdinalIgnoreCase);
        add("anti-pattern.spof", "anti-pattern", "No single points of failure for the availability target",
            f.HighAvailability && !redundant ? GateItemStatus.Fail : GateItemStatus.Pass,
            f.HighAvailability && !redundant
                ? $"{f.Availability.ToString("0.###", CultureInfo.InvariantCulture)}% target but no standby, replica or managed failover"
                : $"{f.Availability.ToString("0.###", CultureInfo.InvariantCulture)}% target; redundancy: {(redundant ? "standby/replicas or managed failover" : "single instance acceptable below 99.9%")}");

        var obs = d.Deployment.Observability;
        var observable = obs.Any(o => o.Contains("trace", StringComparison.OrdinalIgnoreCase)) && obs.Any(o => o.Contains("SLO", StringComparison.OrdinalIgnoreCase));
        // Nothing of ours runs in an adopted product: an outside probe and the vendor's monitoring are what can be observed.
        var probed = d.AdoptsProduct && obs.Any(o => o.Contains("uptime probe", StringComparison.OrdinalIgnoreCase)) && obs.Any(o => o.Contains("vendor", StringComparison.OrdinalIgnoreCase));
        add("anti-pattern.missing-observability", "anti-pattern", "Observability designed in (traces, metrics, SLO alerts)", observable || probed ? GateItemStatus.Pass : GateItemStatus.Fail,
            observable ? $"{obs.Count} observability measures including traces and SLO alerts"
            : probed ? "adopted product: an external uptime probe alerts the team and the vendor monitors under its contract (no code of ours to trace)"
            : "no tracing or SLO alerting defined");

        var heavy = components.Count(c => c.Kind is "service" or "worker" or "queue" or "database" or "cache");
        // Servers the team runs beside its application (identity, secrets, metrics, dashboards, orchestration, log
        // streams, search, gateways): each one is on-call weight, whether or not it appears in the diagram.
        var platform = d.Technologies.Where(t => SelfRunPlatform.Contains(t.Category) && !Managed(t)).Select(t => t.Name).ToList();
        var small = f.IsSmallLoad;
        var overbuilt = small && (micro || heavy > 6 || d.Technologies.Any(t => t.Id == "kafka") || platform.Count >= 4);
        var measured = $"{heavy} deployable or stateful components and {platform.Count} platform service(s) to run ({(platform.Count == 0 ? "none" : string.Join(", ", platform))})";
        add("anti-pattern.over-engineering", "anti-pattern", "No over-engineering for hypothetical scale", overbuilt ? GateItemStatus.Fail : GateItemStatus.Pass,
            overbuilt ? $"{measured} for {NumberText.Format(f.Users)} users and {NumberText.Format(f.PeakRps)} req/s"
            : $"{measured} for {(f.Users > 0 ? $"{NumberText.Format(f.Users)} users" : "an unstated number of users")}{(f.TeamAssumed ? "" : $" and a team of {f.Team}")}");

        var geo = f.Has("geo-distributed") && f.LatencyCritical;
        var edge = components.Any(c => c.Kind is "edge" || c.Name.Contains("CDN", StringComparison.Ordinal));
        add("anti-pattern.edge-ignored", "anti-pattern", "Edge computing not ignored for latency-sensitive, distributed users",
            geo && !edge ? GateItemStatus.Warn : GateItemStatus.Pass,
            geo && !edge ? "latency-critical users in several regions but no CDN or edge tier" : geo ? "CDN/edge tier present" : "no latency-critical geo-distributed traffic");
    }

    // A cloud provider's own service (AWS KMS, Amazon API Gateway, Azure Key Vault) is operated by the provider, not the team.
    private static bool Managed(TechnologyChoice t) =>
        t.Id.StartsWith("aws-", StringComparison.Ordinal) || t.Id.StartsWith("amazon-", StringComparison.Ordinal) || t.Id.StartsWith("azure-", StringComparison.Ordinal) || t.Id.StartsWith("google-", StringComparison.Ordinal);

    private static readonly HashSet<string> SelfRunPlatform = new(StringComparer.Ordinal)
    {
        "auth", "secrets", "observability", "container-orchestration", "gitops", "stream", "search", "api-gateway",
    };

    private static string Slug(string text) => new([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
}
