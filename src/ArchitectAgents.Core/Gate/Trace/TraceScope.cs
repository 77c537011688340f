using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// What the trace looks in: the design's own elements and texts (never the context's, which only repeat the brief),
/// with their word stems computed once.
/// </summary>
internal sealed class TraceScope
{
    public TraceScope(DesignView view)
    {
        View = view;
        var d = view.Design;
        Operations = [.. view.Contract.Operations.Select(o => (o, TraceWords.Of($"{o.Path} {o.OperationId} {o.Summary}")))];
        Components = [.. d.Architecture.Components.Select(c => (c, TraceWords.Of($"{c.Name} {c.Responsibility}")))];
        Passages = [.. view.Passages.Where(p => p.Location.StartsWith("design.", StringComparison.Ordinal))];
        Passages.AddRange(d.Capabilities.Select((c, i) => new TextPassage($"design.capabilities[{i}]", $"{c.Name}: {c.Because}; {c.Technology}; {c.Risk}; {c.ScalingTrigger}")));
        Passages.AddRange(d.Cost.Lines.Select((l, i) => new TextPassage($"design.cost.lines[{i}]", $"{l.Component}: {l.Item}")));
        Passages.AddRange(d.Cost.Assumptions.Select((a, i) => new TextPassage($"design.cost.assumptions[{i}]", a)));
        Passages.AddRange(d.Database.AccessPatterns.Select((a, i) => new TextPassage($"design.database.accessPatterns[{i}]", a)));
        Passages.AddRange(d.Tradeoffs.Select((t, i) => new TextPassage($"design.tradeoffs[{i}]", t.Decision)).Where(p => p.Text.Length > 0));
        Passages.Add(new TextPassage("design.architecture.pattern", d.Architecture.Pattern));
        PassageWords = [.. Passages.Select(p => TraceWords.Of(p.Text))];
    }

    public DesignView View { get; }

    public DesignSection Design => View.Design;

    /// <summary>The brief and its attachments, for what the organisation already runs.</summary>
    public string BriefText => string.Join('\n', [View.Document.Brief?.Text ?? "", .. View.Document.Brief?.Attachments.Select(a => a.Content) ?? []]);

    public List<(ApiOperation Operation, HashSet<string> Words)> Operations { get; }

    public List<(Component Component, HashSet<string> Words)> Components { get; }

    public List<TextPassage> Passages { get; }

    public List<HashSet<string>> PassageWords { get; }

    /// <summary>Passages that satisfy <paramref name="test"/>, as locations.</summary>
    public List<string> Where(Func<TextPassage, HashSet<string>, bool> test) =>
        [.. Passages.Select((p, i) => (p, i)).Where(x => test(x.p, PassageWords[x.i])).Select(x => x.p.Location).Distinct()];

    /// <summary>Departures that name <paramref name="word"/>.</summary>
    public List<string> DeparturesNaming(string word) =>
        [.. Design.Departures.Where(d => Offline.ExistingStack.Mentions(d, word))];
}
