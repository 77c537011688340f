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
        ExternalSystems.Add(plan, facts, kb);
        // What the integration adapter exchanges with an existing system over its interface is no endpoint of ours.
        var adapterUseCases = SystemExchanges.Describe(plan, context.Requirements);
        SystemUseCases.Assign(plan, context.Requirements);

        // Baseline controls are part of every design; regime controls arrive as review findings.
        var reviewIds = input.Document.Review?.Findings.Where(x => x.Status != FindingStatus.Accepted).Select(x => x.Id).ToHashSet() ?? [];
        var controls = kb.Controls.Controls.Where(c => c.Regime == "baseline" || reviewIds.Contains(c.Id)).ToList();
        foreach (var control in controls.Where(c => c.Remedy.TechnologyId.Length > 0))
        {
            plan.Use(plan.Kit!.ForControl(kb.Technology(control.Remedy.TechnologyId)), control.Title.Length > 0 ? "Addresses: " + control.Recommendation : control.Id);
        }

        // Tables and resources in the brief's nouns when the requirements model has them; keyword-matched otherwise.
        var fromModel = context.Requirements.Entities.Count > 0;
        var entities = DomainEntities.From(context, kb).Take(MaxResources).ToList();
        var existingTables = ExistingTables.Apply(entities, input.Document.Brief?.Text);
        var service = plan.Has("app") ? "app" : plan.Has("core") ? "core" : "api";
        // Capabilities bring their mechanism into the brief's domain: seat holds with the stated TTL, checkout sessions, sign-offs.
        CapabilityMatcher.EnsureQueue(plan, CapabilityCatalog.Default);
        var mechanismOperations = CapabilityMechanisms.Apply(plan, CapabilityCatalog.Default, context.Requirements, entities, service);
        if (facts.NeverDeletes)
        {
            CapabilityMechanisms.KeepEveryRow(plan, entities);
        }
        // In a services split each table lives in its owner's own database; a mechanism's table (payment_events) with the table it serves.
        if (plan.DefaultOwner is { } rest)
        {
            // Owners are keyed by the model's entity names; tables by their snake-case names.
            var owners = plan.EntityOwners.GroupBy(o => DomainEntities.Snake(o.Key)).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            foreach (var entity in entities)
            {
                entity.OwnedBy = owners.GetValueOrDefault(entity.Name);
            }

            var byName = entities.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var entity in entities.Where(e => e.OwnedBy is null))
            {
                // The table it serves, not the person who acts (every table points at users).
                entity.OwnedBy = entity.Columns.Where(c => c.References is not null and not "user").Select(c => byName.GetValueOrDefault(c.References!)?.OwnedBy).FirstOrDefault(o => o is not null) ?? rest;
            }
        }

        // "Before" rules: a team's check runs synchronously inside the guarded create; a person's is a precondition.
        var preChecks = fromModel ? PreChecks.Of(context.Requirements, entities) : [];
        PreChecks.Apply(entities, preChecks);
        PreChecks.Connect(plan, preChecks, entities, service);

        var ddl = SchemaWriter.Write(entities, controls.Select(c => c.Remedy.Ddl), facts.Has("multi-tenant"));
        var title = string.IsNullOrWhiteSpace(input.Document.Brief?.Title) ? "Service API" : input.Document.Brief!.Title;
        var words = DesignWords.From(facts, plan, entities);
        ComponentWording.Apply(plan, words, facts);
        IEnumerable<string> Worded(SecurityControl c) => c.Remedy.Deployment.Select(plan.Kit!.Rewrite).Select(t => ControlWording.For(c, t, facts, plan, words));
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
                OpenApiYaml = OpenApiWriter.Write(title + " API", context.Summary, entities, controls.SelectMany(c => c.Remedy.Api).Concat(mechanismOperations), service, fromModel ? [.. context.Requirements.UseCases.Where(u => !adapterUseCases.Contains(u.Id) && !mechanismOperations.Any(o => o.UseCases.Contains(u.Id)) && Requirements.ExistingPath.Of(u) is null)] : null, plan.Capabilities.Any(c => c.Id == "idempotency-keys"), preChecks),
                Authentication = $"OAuth 2.1 / OpenID Connect bearer tokens (JWT) issued by {plan.Kit!.Identity?.Name ?? "the application's own sign-in"} on every operation except the public health probe, with scopes per resource"
                    + (words.Systems.Count > 0 ? $"; {DesignWords.List(words.Systems)} use the client-credentials flow" : "")
                    // Partners are not the organisation's staff: the application issues their credentials (api_clients).
                    + (plan.Capabilities.Any(c => c.Id == "api-client-credentials") ? "; partners and integrators call with the client credentials the application itself issues, rotates and revokes (api_clients), never with staff sign-in." : "."),
                Versioning = "URI major version (/v1); additive changes only within a version; breaking changes get /v2 with a published deprecation window (Deprecation and Sunset headers).",
                Pagination = $"Cursor-based on every list endpoint{(entities.Count > 0 ? $" ({string.Join(", ", entities.Take(3).Select(e => e.Resource))})" : "")} (limit 1–100, opaque nextCursor), stable under concurrent inserts.",
                ErrorModel = "RFC 9457 problem details (application/problem+json) for every 4xx and 5xx, with per-field validation errors.",
            },
            Database = new DatabaseDesign
            {
                Engine = plan.Kit!.Database?.Name ?? "PostgreSQL",
                // Where the brief forbids physical deletes, no foreign key may delete a child row with its parent.
                Ddl = EngineNote(plan.Kit) + (facts.NeverDeletes ? ddl.Replace("ON DELETE CASCADE", "ON DELETE RESTRICT", StringComparison.Ordinal) : ddl),
                // The users table's login look-ups are the same in every design; the brief's own entities' patterns come first.
                AccessPatterns = [.. entities.Where(e => e.Name != "user" || entities.Count == 1).SelectMany(e => e.AccessPatterns).Distinct().Take(20)],
                MigrationNotes = [.. existingTables, .. MigrationNotes(facts, decision, plan.Kit, words)],
            },
            Technologies = Technologies(plan, input.Document.Verification, facts, MovesVersions(input.Document.Gate)),
            Tradeoffs = DesignNarrative.Tradeoffs(facts, decision, plan, words),
            Risks = DesignNarrative.Risks(facts, decision, plan, words),
            Scaling = DesignNarrative.Scaling(facts, decision, plan.Kit!, words),
            Deployment = DesignNarrative.Deployment(facts, decision, plan, controls.SelectMany(c => Worded(c)), words),
            Departures = DepartureFinder.Find(facts, plan),
        };

        ApiConventions.Describe(design.Api);
        design.Departures = DepartureFinder.Find(facts, plan, design.Api.OpenApiYaml);
        design.Cost = CostEstimator.Estimate(facts, plan);
        design.Capabilities = [.. plan.Capabilities];
        StatedCommitments.Apply(design, facts);
        ResidencyZones.Apply(design, facts);
        ValidatedReleases.Apply(design, input.Document.Brief?.Text);
        DesignNarrative.AddCapabilityRisksAndTriggers(design, plan.Capabilities);
        PreChecks.AddRisks(design, preChecks);
        BuildOrBuy.Apply(design, facts, plan, ProductCatalog.Default);
        UnspecifiedRecords.AddRisk(design, facts);
        if (design.Cost.OverBudget)
        {
            design.Risks.Add(OverBudgetRisk(design, facts));
        }

        var addressed = controls.Where(c => reviewIds.Contains(c.Id)).ToList();
        // The standard each control answers is in review.md; the note says what this design gained.
        design.RevisionNotes = [.. addressed.Select(c => $"{c.Id}: {Describe(c.Remedy, Worded(c).FirstOrDefault())}")];
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
            // A technology the brief already runs keeps the brief's version; moving it would be a departure.
            var kept = KitFitter.IsExisting(facts, t.Tech) ? KitFitter.BriefSpelling(facts, t.Tech) : null;
            var keptVersion = kept is null ? null : KitFitter.Names(t.Tech).Select(n => ExistingStack.StatedVersion(kept, n)).FirstOrDefault(v => v is not null);
            var moved = keptVersion is null && moveVersions && entry is { RecommendedVersion: { } target, Status: VerificationStatus.Outdated or VerificationStatus.Vulnerable } ? target : null;
            var stackTie = t.Tech.Stacks.Contains(facts.Stack) && facts.Context.TeamSkills.Count > 0
                ? $"Fits the team's skills ({string.Join(", ", facts.Context.TeamSkills)}). "
                : "";
            return new TechnologyChoice
            {
                Id = t.Tech.Id,
                Name = t.Tech.Name,
                Version = keptVersion ?? moved ?? entry?.ChosenVersion ?? t.Tech.Version,
                Category = t.Tech.Category,
                Purpose = t.Purpose,
                Why = (kept is null ? "" : $"Kept: the brief already runs {kept}. ") + stackTie + KitReason(t.Tech, plan.Kit, facts, kept is not null || stackTie.Length > 0)
                    + (entry is null ? "Not yet verified."
                        : moved is not null ? $"Moved from {entry.ChosenVersion} to {moved}: verification found it {entry.Status.ToString().ToLowerInvariant()} ({entry.DocSource})."
                        : "").Trim(),
                DocsUrl = t.Tech.DocsUrl,
            };
        })];

    /// <summary>The tool that versions the schema: the data-access library's companion (Flyway beside Spring Data JPA), else the library itself.</summary>
    private static string MigrationTool(DesignWords words) =>
        words.Technology("orm") is not { } orm ? "migration"
            : KnowledgeBase.Default.Technologies.Technologies.FirstOrDefault(t => t.Name == orm) is { Migrations.Length: > 0 } tech ? tech.Migrations : orm;

    /// <summary>schema.sql says at its top which engine the design runs on when it is not PostgreSQL.</summary>
    private static string EngineNote(PlatformKit kit) => kit.Database is { } other && !other.Id.Contains("postgresql", StringComparison.Ordinal) && other.Category is "database" or "managed-database" && other.Id != "supabase"
        ? $"-- The design runs on {other.Name}: this is its schema in PostgreSQL dialect, checked by a real parser; the first migration ports it ({PortedTypes(other.Id)}).\n"
        : "";

    /// <summary>How the PostgreSQL types of schema.sql map onto another engine.</summary>
    private static string PortedTypes(string engine) => engine switch
    {
        "azure-sql" => "uuid → UNIQUEIDENTIFIER, timestamptz → DATETIMEOFFSET, text → NVARCHAR, jsonb → NVARCHAR(MAX) with an ISJSON check, text[] → a child table, an EXCLUDE overlap constraint → a unique index on the slot or a check under SERIALIZABLE",
        "mysql" or "amazon-rds-mysql" => "uuid → BINARY(16), timestamptz → DATETIME(6) in UTC, jsonb → JSON, text[] → a child table, an EXCLUDE overlap constraint → a locking read (SELECT … FOR UPDATE) in the same transaction",
        "oracle-database" => "uuid → RAW(16), timestamptz → TIMESTAMP WITH TIME ZONE, jsonb → JSON, text[] → a child table, an EXCLUDE overlap constraint → a check under SERIALIZABLE",
        _ => "uuid, timestamptz, jsonb and arrays to the engine's nearest types",
    };

    private static List<string> MigrationNotes(DesignFacts f, PatternDecision d, PlatformKit kit, DesignWords words)
    {
        var notes = new List<string>();
        if (kit.Database is { Id: not "postgresql" } kept)
        {
            notes.Add($"The system of record stays on the existing {kept.Name}; schema.sql is written in PostgreSQL dialect so it can be checked by a real parser, and ports to {kept.Name} by type ({PortedTypes(kept.Id)}) with the same tables, keys and constraints; the first migration is that port, reviewed against {kept.Name}'s own parser.");
        }

        // Named with the migration tool and the tables it manages; the UUID-key rationale is visible in schema.sql itself.
        notes.Add(
            $"Migrations of {DesignWords.List(words.Tables)} and the other tables of schema.sql are versioned {MigrationTool(words)} files applied by the pipeline, each one expand/contract (add, backfill, switch, then remove) so two versions of {words.App} can run side by side.");
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

    // Over budget is a risk whose mitigation names the largest lines and the cheapest same-role alternative for each.
    private static Risk OverBudgetRisk(DesignSection design, DesignFacts facts)
    {
        var cost = design.Cost;
        var cheaper = cost.Lines.OrderByDescending(l => l.PerMonth).Take(3)
            .Select(l => (Line: l, Alt: CostEstimator.CheaperAlternative(l.TechnologyId, facts)))
            .Where(x => x.Alt is not null)
            .Select(x => $"{x.Alt!.Value.Tech.Name} (~${x.Alt.Value.PerMonth.ToString("0", System.Globalization.CultureInfo.InvariantCulture)}/month) instead of {design.Technologies.FirstOrDefault(t => t.Id == x.Line.TechnologyId)?.Name ?? x.Line.TechnologyId} (~${x.Line.PerMonth.ToString("0", System.Globalization.CultureInfo.InvariantCulture)})")
            .ToList();
        return new Risk
        {
            Id = "R" + (design.Risks.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Description = $"The estimated ${cost.TotalPerMonth.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)}/month exceeds the stated budget of {cost.BudgetStated} (~${cost.BudgetPerMonth?.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)}/month)",
            Likelihood = "high",
            Impact = "high",
            Mitigation = cheaper.Count > 0
                ? "Cheaper alternatives: " + string.Join("; ", cheaper) + ". Otherwise buy a hosted product for the whole need, or ask for the budget the estimate shows."
                : "Buy a hosted product for the whole need instead of running components, or ask for the budget the estimate shows; every line is already the smallest tier.",
        };
    }

    // Why this product for this role here: the kit's reason (cloud, budget, hosting) before the catalogue's generic purpose.
    private static string KitReason(TechnologyInfo tech, PlatformKit? kit, DesignFacts f, bool alreadyExplained)
    {
        if (alreadyExplained || kit is null)
        {
            return alreadyExplained ? "" : tech.Purpose + " ";
        }

        var budget = f.MonthlyBudget is { } b ? $" within the {b.Stated} budget" : "";
        return tech.Ecosystem == "cloud-service" && kit.Hosting is "aws" or "azure" or "gcp"
            ? $"Managed {tech.Category.Replace("managed-", "", StringComparison.Ordinal).Replace('-', ' ')} on the brief's cloud ({f.Context.Environment}), so the team of {f.Team} runs no server for it{budget}. "
            : tech.Ecosystem == "cloud-service" && kit.Hosting == "hosted"
                ? $"Hosted service with nothing to run or keep on call{budget}. "
                : kit.Hosting == "on-prem" && tech.Ecosystem is "server" or "tool"
                    ? $"Runs on the organisation's own servers ({f.Context.Environment}). {tech.Purpose} "
                    : tech.Purpose + " ";
    }

    private static string Describe(ControlRemedy remedy, string? deployment)
    {
        var parts = new List<string>();
        foreach (Match table in CreatedTable().Matches(remedy.Ddl))
        {
            parts.Add($"table {table.Groups[1].Value}");
        }

        parts.AddRange(remedy.Api.Select(a => $"{a.Method.ToUpperInvariant()} {a.Path}"));
        if (remedy.Deployment.Count > 0)
        {
            parts.Add("the deployment control \"" + (deployment ?? remedy.Deployment[0]).TrimEnd('.') + "\"");
        }

        if (remedy.TechnologyId.Length > 0)
        {
            parts.Add($"technology {remedy.TechnologyId}");
        }

        return parts.Count == 0 ? "addressed in the design text" : "added " + DesignWords.List(parts, parts.Count);
    }

    [GeneratedRegex(@"CREATE\s+TABLE\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();
}
