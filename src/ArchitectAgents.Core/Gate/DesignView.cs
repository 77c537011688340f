using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// What the checks read: the design's artifacts parsed once (contract, schema), and every passage of text a reader
/// of the report sees, each with where it is, so a finding can point at both places that disagree.
/// </summary>
public sealed class DesignView
{
    private DesignView(DesignDocument document, DesignSection design)
    {
        Document = document;
        Design = design;
        Contract = OpenApiContract.Read(design.Api.OpenApiYaml);
        Schema = SqlSchema.Read(design.Database.Ddl);
        Passages = CollectPassages(document.Context, design);
    }

    /// <summary>The whole document.</summary>
    public DesignDocument Document { get; }

    /// <summary>The design section.</summary>
    public DesignSection Design { get; }

    /// <summary>The OpenAPI contract, parsed.</summary>
    public OpenApiContract Contract { get; }

    /// <summary>The DDL, parsed.</summary>
    public SqlSchema Schema { get; }

    /// <summary>Every text of the context and the design, with its location.</summary>
    public IReadOnlyList<TextPassage> Passages { get; }

    /// <summary>A view of a document; null when it has no design yet.</summary>
    public static DesignView? Of(DesignDocument document) => document.Design is { } design ? new DesignView(document, design) : null;

    private static List<TextPassage> CollectPassages(ContextSection? c, DesignSection d)
    {
        var list = c is null ? [] : ContextPassages(c);
        list.AddRange(DesignPassages(d));
        return list;
    }

    /// <summary>The texts of the context: what the brief stated (as the gatherer quoted it) and what was assumed.</summary>
    public static List<TextPassage> ContextPassages(ContextSection c)
    {
        var list = new List<TextPassage>();
        var add = Adder(list);
        add("context.summary", [c.Summary]);
        add("context.functionalRequirements", c.FunctionalRequirements);
        add("context.constraints", c.Constraints);
        add("context.existingDecisions", c.ExistingDecisions);
        add("context.assumptions", c.Assumptions.Select(a => a.Statement));
        add("context.answers", c.Questions.Select(q => q.Answer ?? ""));
        return list;
    }

    private static Action<string, IEnumerable<string>> Adder(List<TextPassage> list) => (location, texts) =>
    {
        var i = 0;
        foreach (var text in texts)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                list.Add(new TextPassage($"{location}[{i}]", text));
            }

            i++;
        }
    };

    private static List<TextPassage> DesignPassages(DesignSection d)
    {
        var list = new List<TextPassage>();
        void Add(string location, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                list.Add(new TextPassage(location, text));
            }
        }

        void AddAll(string location, IEnumerable<string> texts)
        {
            var i = 0;
            foreach (var text in texts)
            {
                Add($"{location}[{i++}]", text);
            }
        }

        Add("design.architecture.reason", d.Architecture.Reason);
        AddAll("design.architecture.components", d.Architecture.Components.Select(x => $"{x.Name}: {x.Responsibility}"));
        Add("design.api.authentication", d.Api.Authentication);
        Add("design.database.ddl", d.Database.Ddl);
        AddAll("design.database.migrationNotes", d.Database.MigrationNotes);
        AddAll("design.technologies", d.Technologies.Select(t => $"{t.Name}: {t.Purpose} {t.Why}"));
        AddAll("design.tradeoffs", d.Tradeoffs.Select(t => $"{t.Decision}: {t.OptimisesFor}; {t.Sacrifices}"));
        AddAll("design.risks", d.Risks.Select(r => $"{r.Description}: {r.Mitigation}"));
        AddAll("design.scaling", d.Scaling.Select(s => $"{s.Phase}: {s.Trigger}; {string.Join("; ", s.Actions)}"));
        var dep = d.Deployment;
        Add("design.deployment.platform", dep.Platform);
        AddAll("design.deployment.pipeline", dep.Pipeline);
        Add("design.deployment.rollout", dep.Rollout);
        AddAll("design.deployment.milestones", dep.Milestones);
        Add("design.deployment.rollback", dep.Rollback);
        AddAll("design.deployment.observability", dep.Observability);
        AddAll("design.deployment.securityControls", dep.SecurityControls);
        Add("design.deployment.disasterRecovery", dep.DisasterRecovery);
        AddAll("design.departures", d.Departures);
        return list;
    }
}
