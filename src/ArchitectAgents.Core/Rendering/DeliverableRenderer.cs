using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Security;

namespace ArchitectAgents.Core.Rendering;

/// <summary>Renders the deliverable set from a finished design document.</summary>
public static partial class DeliverableRenderer
{
    /// <summary>Renders every deliverable, keyed by file name.</summary>
    public static IReadOnlyDictionary<string, string> Render(DesignDocument doc)
    {
        var design = doc.Design ?? new DesignSection();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DeliverableSet.Report] = Report(doc),
            [DeliverableSet.Diagram] = design.Architecture.Mermaid,
            [DeliverableSet.OpenApi] = design.Api.OpenApiYaml,
            [DeliverableSet.Schema] = design.Database.Ddl,
            [DeliverableSet.Document] = DocumentJson.Serialize(doc, indented: true) + "\n",
            [DeliverableSet.Review] = ReviewReport(doc),
        };
    }

    private static string Report(DesignDocument doc)
    {
        var sb = new StringBuilder();
        var d = doc.Design ?? new DesignSection();
        var c = doc.Context ?? new ContextSection();
        sb.Append("# ").Append(Md.Inline(doc.Brief?.Title is { Length: > 0 } t ? t : "Architecture")).Append(": architecture\n\n");
        sb.Append("Run `").Append(Md.Inline(doc.RunId)).Append("` · workflow `").Append(Md.Inline(doc.Workflow)).Append('`');
        if (doc.Gate is { } gate)
        {
            sb.Append(" · gate **").Append(gate.Verdict.ToString().ToLowerInvariant()).Append("** (score ").Append(gate.Score.ToString(CultureInfo.InvariantCulture))
              .Append(", round ").Append(gate.Iteration.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        sb.Append("\n\n**Pattern:** ").Append(Md.Inline(d.Architecture.Pattern)).Append("\n\n").Append(Md.Inline(d.Architecture.Reason)).Append("\n\n");

        sb.Append("## Context\n\n").Append(Md.Inline(c.Summary)).Append("\n\n");
        if (c.FunctionalRequirements.Count > 0)
        {
            sb.Append("**Functional requirements**\n\n");
            // Text of the brief that tries to instruct the tool is shown for what it is, never as a requirement.
            var instructions = InstructionDetector.Find(doc.Brief).Select(p => Normalise(p.Text)).ToList();
            foreach (var r in c.FunctionalRequirements)
            {
                var ignored = Normalise(r) is { Length: > 0 } text && instructions.Any(p => p.Contains(text, StringComparison.Ordinal) || text.Contains(p, StringComparison.Ordinal));
                sb.Append("- ").Append(ignored ? "~~" + Md.Inline(r) + "~~ (not a requirement: part of an instruction addressed to the tool, reported in `review.md` and not followed)" : Md.Inline(r)).Append('\n');
            }

            sb.Append('\n');
        }

        var f = c.Figures;
        Md.Table(sb, ["Figure", "Value", "Source"], new (string, ExtractedFigure?)[]
        {
            ("Users", f.Users), ("Devices", f.Devices), ("Peak requests/s", f.PeakRequestsPerSecond), ("Transactions/day", f.TransactionsPerDay),
            ("Data volume (GB)", f.DataVolumeGb), ("Latency target (ms)", f.LatencyMs), ("Availability (%)", f.AvailabilityPercent), ("Team size", c.TeamSize),
        }.Where(x => x.Item2 is not null).Select(x => new[] { x.Item1, x.Item2!.Value.ToString("#,0.###", CultureInfo.InvariantCulture), x.Item2.Assumed ? "ASSUMED — " + x.Item2.Evidence
            : x.Item2.Evidence.StartsWith("derived: ", StringComparison.Ordinal) ? "DERIVED — " + x.Item2.Evidence["derived: ".Length..] : "\"" + x.Item2.Evidence + "\"" }));
        void Line(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                sb.Append("- **").Append(label).Append(":** ").Append(Md.Inline(value)).Append('\n');
            }
        }

        Line("Domain", c.Domain);
        Line("Team skills", string.Join(", ", c.TeamSkills));
        Line("Compliance", c.Compliance.Count > 0 ? string.Join(", ", c.Compliance) : "none named");
        Line("Data residency", c.DataResidency);
        Line("Environment", c.Environment);
        Line("Budget", c.Budget);
        Line("Timeline", c.Timeline);
        Line("Workload traits", string.Join(", ", c.Traits.Select(t => t.Name)));
        foreach (var constraint in c.Constraints)
        {
            Line("Constraint", constraint);
        }

        foreach (var existing in c.ExistingDecisions)
        {
            Line("Existing decision", existing);
        }

        sb.Append('\n');
        if (c.Assumptions.Count > 0)
        {
            sb.Append("**Assumptions** (not stated in the brief; confirm them)\n\n");
            Md.Table(sb, ["Topic", "Assumption", "Why it matters"], c.Assumptions.Select(a => new[] { a.Topic, a.Statement, a.Reason }));
        }

        if (c.Questions.Count > 0)
        {
            sb.Append("**Clarifying questions**\n\n");
            Md.Table(sb, ["Question", "Answer"], c.Questions.Select(q => new[] { q.Text, q.Answer ?? "(unanswered: see assumptions)" }));
        }

        if (c.Requirements is { } requirements && (requirements.UseCases.Count > 0 || requirements.Figures.Count > 0 || requirements.Constraints.Count > 0 || requirements.ReaderNotes.Count > 0))
        {
            sb.Append(RequirementsMarkdown.Render(requirements, 2));
        }

        sb.Append("## 1. Architecture diagram\n\n").Append(Md.Fence("mermaid", d.Architecture.Mermaid)).Append('\n');
        Md.Table(sb, ["Component", "Kind", "Responsibility", "Technology"], d.Architecture.Components.Select(x => new[] { x.Name, x.Kind, x.Responsibility, x.TechnologyId }));
        sb.Append("**Alternatives considered**\n\n");
        Md.Table(sb, ["Pattern", "Why not"], d.Architecture.Alternatives.Select(a => new[] { a.Pattern, a.WhyNot }));

        sb.Append("## 2. API contract\n\nFull contract: `openapi.yaml` (OpenAPI 3.1).\n\n");
        Line("Authentication", d.Api.Authentication);
        Line("Versioning", d.Api.Versioning);
        Line("Pagination", d.Api.Pagination);
        Line("Errors", d.Api.ErrorModel);
        sb.Append('\n');
        // The health probe, the users resource and the operations compliance controls add are the same in every
        // contract that has them; they are named on one line each, and the table lists what this brief asked for.
        var operations = Operations(d.Api.OpenApiYaml).ToList();
        var standard = operations.Where(o => o[1] is "/health" or "/v1/users" or "/v1/users/{id}").ToList();
        var fromControls = ControlOperations();
        var compliance = operations.Where(o => fromControls.Contains($"{o[0]} {o[1]}")).ToList();
        if (standard.Count + compliance.Count < operations.Count)
        {
            if (standard.Count > 0)
            {
                sb.Append("Standard operations in `openapi.yaml` and not repeated here: ").Append(string.Join(", ", standard.Select(o => $"{o[0]} {o[1]}"))).Append(".\n\n");
            }

            if (compliance.Count > 0)
            {
                sb.Append("Operations the compliance controls add (see `openapi.yaml` and the controls below): ").Append(string.Join(", ", compliance.Select(o => $"{o[0]} {o[1]}"))).Append(".\n\n");
            }

            operations = [.. operations.Except(standard).Except(compliance)];
        }

        Md.Table(sb, ["Method", "Path", "Summary"], operations);

        sb.Append("## 3. Database schema\n\nEngine: ").Append(Md.Inline(d.Database.Engine)).Append(". Full DDL: `schema.sql`.\n\n");
        if (d.Database.AccessPatterns.Count > 0)
        {
            sb.Append("**Access patterns served by the indexes**\n\n");
            foreach (var p in d.Database.AccessPatterns)
            {
                sb.Append("- ").Append(Md.Inline(p)).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append(Md.Fence("sql", d.Database.Ddl)).Append('\n');
        foreach (var note in d.Database.MigrationNotes)
        {
            sb.Append("- ").Append(Md.Inline(note)).Append('\n');
        }

        sb.Append("\n## 4. Technology recommendations\n\n");
        var verification = doc.Verification?.Entries ?? [];
        Md.Table(sb, ["Technology", "Version", "Verification", "Purpose", "Why", "Docs"], d.Technologies.Select(tech =>
        {
            var entry = verification.FirstOrDefault(e => e.TechnologyId == tech.Id);
            return new[] { tech.Name, tech.Version, entry is null ? "no entry" : $"{entry.Status.ToString().ToLowerInvariant()} ({entry.DocSource}, checked {entry.CheckedAt})", tech.Purpose, tech.Why, tech.DocsUrl };
        }));

        // Every entry is named with its status, so an unverified, outdated or vulnerable pick is never hidden. Entries
        // that only repeat the offline catalogue's version source are named in one sentence (their per-technology source
        // stays in design.json); entries a live source checked, or that are flagged, keep their full row.
        var plainOffline = verification.Where(e => e.DocSource == Offline.DocsVerifierAgent.OfflineSource && e.Status == VerificationStatus.Unverified).ToList();
        if (verification.Count > 0)
        {
            sb.Append("### Verification\n\n");
        }

        if (plainOffline.Count > 0)
        {
            sb.Append("Unverified, from the offline catalogue checked ").Append(plainOffline[0].CheckedAt).Append(" (no registry, context7 or advisory source was consulted): ")
              .AppendJoin(", ", plainOffline.Select(e => Md.Inline($"{e.Name} {e.ChosenVersion}"))).Append(".\n\n");
        }

        if (verification.Count > plainOffline.Count)
        {
            Md.Table(sb, ["Technology", "Chosen", "Latest stable", "Status", "Reason", "Sources"], verification.Except(plainOffline).Select(e => new[]
            {
                e.Name,
                e.ChosenVersion,
                e.LatestStable ?? "not known",
                e.Status.ToString().ToLowerInvariant() + (e.RecommendedVersion is { } target ? $" → {target}" : ""),
                e.Reason + (e.Excerpt is { Length: > 0 } excerpt ? $" Docs: \"{excerpt}\"" : ""),
                string.Join(" ", e.SourceUrls.Distinct(StringComparer.Ordinal)),
            }));
        }

        sb.Append("## 5. Trade-offs\n\n");
        Md.Table(sb, ["Decision", "Optimises for", "Sacrifices"], d.Tradeoffs.Select(x => new[] { x.Decision, x.OptimisesFor, x.Sacrifices }));

        sb.Append("## 6. Risks and mitigations\n\n");
        Md.Table(sb, ["Id", "Risk", "Likelihood", "Impact", "Mitigation"], d.Risks.Select(r => new[] { r.Id, r.Description, r.Likelihood, r.Impact, r.Mitigation }));

        sb.Append("## 7. Scaling roadmap\n\n");
        foreach (var phase in d.Scaling)
        {
            sb.Append("### ").Append(Md.Inline(phase.Phase)).Append("\n\n**Trigger:** ").Append(Md.Inline(phase.Trigger)).Append("\n\n");
            foreach (var action in phase.Actions)
            {
                sb.Append("- ").Append(Md.Inline(action)).Append('\n');
            }

            sb.Append('\n');
        }

        var dep = d.Deployment;
        sb.Append("## 8. Deployment strategy\n\n");
        Line("Platform", dep.Platform);
        Line("Environments", string.Join(" → ", dep.Environments));
        Line("Rollout", dep.Rollout);
        Line("Rollback", dep.Rollback);
        Line("Disaster recovery", dep.DisasterRecovery);
        if (dep.Milestones.Count > 0)
        {
            sb.Append("\n**Delivery plan**\n\n");
            foreach (var m in dep.Milestones)
            {
                sb.Append(Md.Inline(m)).Append('\n');
            }
        }

        sb.Append("\n**Pipeline**\n\n");
        for (var i = 0; i < dep.Pipeline.Count; i++)
        {
            sb.Append(i + 1).Append(". ").Append(Md.Inline(dep.Pipeline[i])).Append('\n');
        }

        sb.Append("\n**Observability**\n\n");
        foreach (var o in dep.Observability)
        {
            sb.Append("- ").Append(Md.Inline(o)).Append('\n');
        }

        sb.Append("\n**Security and compliance controls**\n\n");
        foreach (var s in dep.SecurityControls)
        {
            sb.Append("- ").Append(Md.Inline(s)).Append('\n');
        }

        CostMarkdown.Render(sb, d);

        if (d.Departures.Count > 0)
        {
            sb.Append("\n## Departures from existing decisions\n\n");
            foreach (var x in d.Departures)
            {
                sb.Append("- ").Append(Md.Inline(x)).Append('\n');
            }
        }

        if (d.RevisionNotes.Count > 0)
        {
            sb.Append("\n## Changes made in revision\n\n");
            foreach (var x in d.RevisionNotes)
            {
                sb.Append("- ").Append(Md.Inline(x)).Append('\n');
            }
        }

        sb.Append("\n## Review and gate\n\n");
        if (doc.Gate is { } g)
        {
            sb.Append(Md.Inline(g.Summary)).Append(' ').Append(TraceabilityMarkdown.Coverage(g.Traceability)).Append(" Details in `review.md`.\n\n");
        }

        sb.Append("## Revision history\n\n");
        Md.Table(sb, ["Section", "Revision", "Author", "Round", "Written at", "Changed from the previous revision"], doc.History.Select(h => new[]
        {
            h.Section, h.Revision.ToString(CultureInfo.InvariantCulture), h.Author, h.Round.ToString(CultureInfo.InvariantCulture), h.UpdatedAt.ToString("u", CultureInfo.InvariantCulture),
            h.Revision == 1 ? "(first)" : h.Changed.Count == 0 ? "nothing" : string.Join(", ", h.Changed),
        }));

        if (doc.Usage is { } usage)
        {
            sb.Append("## Usage\n\n");
            Md.Table(sb, ["Agent", "Model", "Calls", "Input tokens", "Output tokens", "Cost (USD)", "Time (ms)"], usage.Entries.Select(u => new[]
            {
                u.Agent, u.Model, u.Calls.ToString(CultureInfo.InvariantCulture), u.InputTokens.ToString(CultureInfo.InvariantCulture),
                u.OutputTokens.ToString(CultureInfo.InvariantCulture), u.CostUsd.ToString("0.####", CultureInfo.InvariantCulture), u.DurationMs.ToString(CultureInfo.InvariantCulture),
            }));
        }

        return sb.ToString();
    }

    private static string ReviewReport(DesignDocument doc)
    {
        var sb = new StringBuilder("# Security review and checklist gate\n\n");
        if (doc.Gate is { } gate)
        {
            sb.Append("**Verdict:** ").Append(gate.Verdict.ToString().ToLowerInvariant()).Append(" · **score** ").Append(gate.Score.ToString(CultureInfo.InvariantCulture))
              .Append(" · **round** ").Append(gate.Iteration.ToString(CultureInfo.InvariantCulture)).Append("\n\n").Append(Md.Inline(gate.Summary)).Append("\n\n");
            sb.Append("## Checklist\n\n");
            Md.Table(sb, ["Item", "Kind", "Check", "Result", "Evidence"], gate.Items.Select(i => new[] { i.Id, i.Kind, i.Title, i.Status.ToString().ToUpperInvariant(), i.Evidence }));
        }
        else
        {
            sb.Append("The gate did not run.\n\n");
        }

        ContradictionTable(sb, doc);
        TraceabilityMarkdown.Append(sb, doc.Gate?.Traceability ?? []);

        sb.Append("## Findings\n\n");
        if (doc.Review is { } review)
        {
            sb.Append("Scope: ").Append(Md.Inline(string.Join(", ", review.Scope))).Append("\n\n");
            Md.Table(sb, ["Id", "Severity", "Status", "Standard", "STRIDE", "Section", "Finding", "Recommendation"], review.Findings.Select(x => new[]
            {
                x.Id, x.Severity.ToString().ToLowerInvariant(), x.Status.ToString().ToLowerInvariant() + (x.ResolvedInRound is { } r ? $" (round {r})" : ""),
                x.Standard, x.Stride, x.AffectedSection, x.Title, x.Recommendation,
            }));
        }

        sb.Append("## Artifact validation\n\n");
        Md.Table(sb, ["Artifact", "Validator", "Result", "Details"], (doc.Validation?.Results ?? []).Select(v => new[]
        {
            v.Artifact, v.Validator, v.Outcome.ToString().ToLowerInvariant(),
            v.Outcome == ValidationOutcome.Skipped ? v.SkippedReason : string.Join("; ", v.Messages.Select(m => (m.Line is { } l ? $"line {l}" + (m.Column is { } col ? $":{col}" : "") + ": " : "") + m.Message)),
        }));

        var rounds = doc.History.Where(h => h.Section == SectionNames.Gate).ToList();
        if (rounds.Count > 1)
        {
            sb.Append("## Gate rounds\n\n");
            Md.Table(sb, ["Round", "Verdict", "Sent back"], rounds.Select(h => new[]
            {
                h.Round.ToString(CultureInfo.InvariantCulture),
                h.Content.TryGetProperty("verdict", out var v) ? v.GetString() : "",
                h.Content.TryGetProperty("sentBack", out var s) ? string.Join(", ", s.EnumerateArray().Select(e => e.GetString())) : "",
            }));
        }

        return sb.ToString();
    }

    // Every finding of every computed check on its own row, recomputed from the document so none is cut short.
    private static void ContradictionTable(StringBuilder sb, DesignDocument doc)
    {
        var results = DesignCheckRegistry.Default.Run(doc);
        if (results.Count == 0)
        {
            return;
        }

        sb.Append("## Contradiction checks (computed from the artifacts)\n\n");
        Md.Table(sb, ["Check", "Result", "Concerns", "Evidence"], results.SelectMany(r => r.Holds
            ? [new[] { r.CheckId, "PASS", "", "checked " + r.Examined }]
            : r.Findings.Select(f => new[] { r.CheckId, r.Advisory ? "WARN" : "FAIL", f.Subject, f.Detail })));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd('.').ToLowerInvariant();

    private static HashSet<string> ControlOperations() =>
        [.. Knowledge.KnowledgeBase.Default.Controls.Controls.SelectMany(c => c.Remedy.Api).Select(a => $"{a.Method.ToUpperInvariant()} {a.Path}")];

    private static IEnumerable<string?[]> Operations(string yaml)
    {
        string? path = null;
        string? method = null;
        foreach (var line in yaml.Split('\n'))
        {
            var p = PathLine().Match(line);
            if (p.Success)
            {
                path = p.Groups[1].Value;
                continue;
            }

            var m = MethodLine().Match(line);
            if (m.Success && path is not null)
            {
                method = m.Groups[1].Value.ToUpperInvariant();
                continue;
            }

            var summary = SummaryLine().Match(line);
            if (summary.Success && method is not null && path is not null)
            {
                yield return [method, path, summary.Groups[1].Value.Trim('\'', '"')];
                method = null;
            }
        }
    }

    [GeneratedRegex(@"^  ['""]?(/[^:'""]*)['""]?:\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^      summary:\s*(.+)$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^    (get|post|put|patch|delete):\s*$")]
    private static partial Regex MethodLine();
}
