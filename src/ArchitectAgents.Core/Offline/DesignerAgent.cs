using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Offline designer: picks a pattern from the figures, lays out components, writes the diagram, the
/// OpenAPI contract, the schema and the narrative deliverables. In a revision round it applies the
/// remedies of the review's findings and says what it changed.
/// </summary>
public sealed partial class DesignerAgent : OfflineAgent
{
    // Every table the schema creates gets its operations: a cap on the API alone left tables no operation touches.
    private const int MaxResources = 40;

    /// <inheritdoc />
    public override string AgentId => "designer";

    /// <inheritdoc />
    protected override AgentOutput Produce(AgentInput input)
    {
        var context = input.Document.Context ?? throw new InvalidOperationException("designer needs the context section");
        var kb = KnowledgeBase.Default;
        var facts = DesignFacts.From(context);
        var decision = PatternSelector.Select(facts);
        var plan = ComponentPlanner.Plan(facts, decision, kb);

        // Baseline controls are part of every design; regime controls arrive as review findings.
        var reviewIds = input.Document.Review?.Findings.Where(x => x.Status != FindingStatus.Accepted).Select(x => x.Id).ToHashSet() ?? [];
        var controls = kb.Controls.Controls.Where(c => c.Regime == "baseline" || reviewIds.Contains(c.Id)).ToList();
        foreach (var control in controls.Where(c => c.Remedy.TechnologyId.Length > 0))
        {
            plan.Use(kb.Technology(control.Remedy.TechnologyId), control.Title.Length > 0 ? "Addresses: " + control.Recommendation : control.Id);
        }

        // Tables and resources in the brief's nouns when the requirements model has them; keyword-matched otherwise.
        var fromModel = context.Requirements.Entities.Count > 0;
        var entities = DomainEntities.From(context, kb).Take(MaxResources).ToList();
        var service = plan.Has("app") ? "app" : plan.Has("core") ? "core" : "api";
        var title = string.IsNullOrWhiteSpace(input.Document.Brief?.Title) ? "Service API" : input.Document.Brief!.Title;
        var design = new DesignSection
        {
            Sources = ["context", .. input.Document.Verification is null ? Array.Empty<string>() : ["verification"], .. reviewIds.Count > 0 ? ["review"] : Array.Empty<string>()],
            Architecture = new ArchitectureDesign
            {
                Pattern = decision.Pattern,
                Reason = decision.Reason,
                Alternatives = [.. decision.Alternatives],
                Components = plan.Components,
                Flows = plan.Flows,
                Mermaid = MermaidWriter.Write(plan.Components, plan.Flows),
            },
            Api = new ApiDesign
            {
                OpenApiYaml = OpenApiWriter.Write(title + " API", context.Summary, entities, controls.SelectMany(c => c.Remedy.Api), service, fromModel ? context.Requirements.UseCases : null),
                Authentication = "OAuth 2.1 / OpenID Connect bearer tokens (JWT) from the identity provider on every operation except the public health probe; scopes per resource; machine clients use the client-credentials flow.",
                Versioning = "URI major version (/v1); additive changes only within a version; breaking changes get /v2 with a published deprecation window (Deprecation and Sunset headers).",
                Pagination = "Cursor-based on every list endpoint (limit 1–100, opaque nextCursor), stable under concurrent inserts.",
                ErrorModel = "RFC 9457 problem details (application/problem+json) for every 4xx and 5xx, with per-field validation errors.",
            },
            Database = new DatabaseDesign
            {
                Engine = "PostgreSQL",
                Ddl = SchemaWriter.Write(entities, controls.Select(c => c.Remedy.Ddl), facts.Has("multi-tenant")),
                AccessPatterns = [.. entities.SelectMany(e => e.AccessPatterns).Distinct().Take(20)],
                MigrationNotes = MigrationNotes(facts, decision),
            },
            Technologies = Technologies(plan, input.Document.Verification, facts, MovesVersions(input.Document.Gate)),
            Tradeoffs = DesignNarrative.Tradeoffs(facts, decision, plan),
            Risks = DesignNarrative.Risks(facts, decision, plan),
            Scaling = DesignNarrative.Scaling(facts, decision),
            Deployment = DesignNarrative.Deployment(facts, decision, plan, controls.SelectMany(c => c.Remedy.Deployment)),
            Departures = Departures(context, plan),
        };

        var addressed = controls.Where(c => reviewIds.Contains(c.Id)).ToList();
        design.RevisionNotes = [.. addressed.Select(c => $"{c.Id} ({c.Standard}): {Describe(c.Remedy)}")];
        var versionsSentBack = input.Document.Gate?.SentBack.Any(id => id is "checklist.verified" or "checklist.no-vulnerabilities") == true;
        foreach (var entry in versionsSentBack ? MovedVersions(input.Document.Verification, design.Technologies) : [])
        {
            design.RevisionNotes.Add($"{entry.Name}: moved from {entry.ChosenVersion} ({entry.Status.ToString().ToLowerInvariant()}) to {entry.RecommendedVersion}, as verification recorded: {entry.Reason}");
        }

        foreach (var item in input.Document.Gate?.SentBack.Where(id => !id.StartsWith("review.", StringComparison.Ordinal)) ?? [])
        {
            design.RevisionNotes.Add($"{item}: regenerated from the current context; the gate re-checks it.");
        }

        var notes = input.Round == 1
            ? $"{decision.Pattern}; {plan.Components.Count} components, {entities.Count} tables, {design.Technologies.Count} technologies"
            : $"revision {input.Round}: addressed {addressed.Count} review finding(s)";
        return Output("done", notes, (SectionNames.Design, design));
    }

    // The first gate sends every outdated or vulnerable pick back; from then on each revision takes the version
    // verification recommends (latest stable, or the fixed release). Later rounds keep it even when the gate sent
    // back only other items, so a pick never swings back to the flagged version.
    private static bool MovesVersions(GateSection? gate) => gate is not null;

    private static IEnumerable<VerificationEntry> MovedVersions(VerificationSection? verification, List<TechnologyChoice> technologies) =>
        verification?.Entries.Where(e => e.RecommendedVersion is not null && e.Status is VerificationStatus.Outdated or VerificationStatus.Vulnerable
            && technologies.Any(t => t.Id == e.TechnologyId && t.Version == e.RecommendedVersion)) ?? [];

    private static List<TechnologyChoice> Technologies(ComponentPlan plan, VerificationSection? verification, DesignFacts facts, bool moveVersions) =>
        [.. plan.Technologies.Select(t =>
        {
            var entry = verification?.Entries.FirstOrDefault(e => e.TechnologyId == t.Tech.Id);
            var moved = moveVersions && entry is { RecommendedVersion: { } target, Status: VerificationStatus.Outdated or VerificationStatus.Vulnerable } ? target : null;
            var stackTie = t.Tech.Stacks.Contains(facts.Stack) && facts.Context.TeamSkills.Count > 0
                ? $"Fits the team's skills ({string.Join(", ", facts.Context.TeamSkills)}). "
                : "";
            return new TechnologyChoice
            {
                Id = t.Tech.Id,
                Name = t.Tech.Name,
                Version = moved ?? entry?.ChosenVersion ?? t.Tech.Version,
                Category = t.Tech.Category,
                Purpose = t.Purpose,
                Why = stackTie + (string.IsNullOrWhiteSpace(t.Tech.Purpose) ? "" : t.Tech.Purpose + " ")
                    + (entry is null ? "Not yet verified."
                        : moved is not null ? $"Moved from {entry.ChosenVersion} to {moved}: verification found it {entry.Status.ToString().ToLowerInvariant()} ({entry.DocSource})."
                        : $"Verification: {entry.Status.ToString().ToLowerInvariant()} ({entry.DocSource}).").Trim(),
                DocsUrl = t.Tech.DocsUrl,
            };
        })];

    private static List<string> MigrationNotes(DesignFacts f, PatternDecision d)
    {
        var notes = new List<string>
        {
            "Migrations are versioned files applied by the pipeline; each one is expand/contract (add, backfill, switch, then remove) so two application versions can run side by side.",
            "Primary keys are UUIDs generated by the database, so records can be created by any instance and later merged or sharded without key clashes.",
        };
        if (f.IsIot)
        {
            notes.Add("Readings live in the time-series store with time partitioning (chunks by day), compression after 7 days and retention matching the brief; PostgreSQL holds only registry and alert state.");
        }

        if (d.Kind == PatternKind.Microservices || f.IsLargeScale)
        {
            notes.Add("The largest tables are partitioned (by time for append-only data, by hash of the owning account for the rest) before they pass ~100 GB; queries always carry the partition key.");
        }

        return notes;
    }

    private static List<string> Departures(ContextSection context, ComponentPlan plan)
    {
        var departures = new List<string>();
        foreach (var decision in context.ExistingDecisions)
        {
            var other = OtherDatabase().Match(decision);
            if (other.Success && plan.Technologies.Any(t => t.Tech.Id == "postgresql"))
            {
                departures.Add($"Existing decision \"{decision}\": the design uses PostgreSQL instead of {other.Value} because the knowledge base's schema, tooling and validation target PostgreSQL; if staying on {other.Value} is required, the schema ports with type changes (uuid, timestamptz, jsonb) and the rest of the design is unchanged.");
            }

            var pg = OldPostgres().Match(decision);
            if (pg.Success && int.TryParse(pg.Groups[1].Value, out var major) && plan.Technologies.FirstOrDefault(t => t.Tech.Id == "postgresql").Tech is { } current
                && int.TryParse(current.Version.Split('.')[0], out var target) && major < target)
            {
                departures.Add($"Existing decision \"{decision}\": the design targets PostgreSQL {current.Version} rather than {major}; upgrade with logical replication or a managed major-version upgrade before go-live, since older majors leave community support.");
            }
        }

        return departures;
    }

    private static string Describe(ControlRemedy remedy)
    {
        var parts = new List<string>();
        foreach (Match table in CreatedTable().Matches(remedy.Ddl))
        {
            parts.Add($"added table {table.Groups[1].Value}");
        }

        parts.AddRange(remedy.Api.Select(a => $"added {a.Method.ToUpperInvariant()} {a.Path}"));
        if (remedy.Deployment.Count > 0)
        {
            parts.Add("added deployment control: " + remedy.Deployment[0]);
        }

        if (remedy.TechnologyId.Length > 0)
        {
            parts.Add($"added technology {remedy.TechnologyId}");
        }

        return parts.Count == 0 ? "addressed in the design text" : string.Join("; ", parts);
    }

    [GeneratedRegex(@"\b(?:SQL\s+Server|Azure\s+SQL|MySQL|MariaDB|Oracle|MongoDB|DynamoDB)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherDatabase();

    [GeneratedRegex(@"Postgres(?:QL)?\s*(\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex OldPostgres();

    [GeneratedRegex(@"CREATE\s+TABLE\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();
}
