namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Every technology in the kit is used by something the design describes: a component runs on it, or a component,
/// pipeline step, observability or security measure names it. The language, framework and data-access library are
/// the build stack of the code components, so they count as used when such a component exists. A pick nothing uses
/// is weight a reader has to carry for no reason (and often the sign of a copied kit).
/// </summary>
public sealed class UnusedTechnologyCheck : IDesignCheck
{
    private static readonly HashSet<string> BuildStack = new(StringComparer.Ordinal) { "language-runtime", "web-framework", "orm" };

    /// <inheritdoc />
    public string Id => "unused-technology";

    /// <inheritdoc />
    public string Title => "Every technology in the kit is used by a component or a named deployment step";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var d = view.Design;
        var components = d.Architecture.Components;
        var codeComponents = components.Any(c => c.Kind is "service" or "worker");
        var where = view.Passages.Where(p => !p.Location.StartsWith("design.technologies", StringComparison.Ordinal) && !p.Location.StartsWith("context.", StringComparison.Ordinal))
            .Select(p => p.Text).ToList();
        var findings = new List<Contradiction>();
        foreach (var tech in d.Technologies)
        {
            var runs = components.Any(c => c.TechnologyId == tech.Id);
            var named = where.Any(text => text.Contains(tech.Name, StringComparison.OrdinalIgnoreCase));
            var stack = BuildStack.Contains(tech.Category) && codeComponents;
            if (!runs && !named && !stack)
            {
                findings.Add(new Contradiction(tech.Name, $"{tech.Category}: no component runs on it and no component, pipeline, observability or security line names it"));
            }
        }

        return new CheckResult(Id, Title, $"{d.Technologies.Count} technologies against {components.Count} components", findings, "technology(ies) in the kit that nothing uses");
    }
}
