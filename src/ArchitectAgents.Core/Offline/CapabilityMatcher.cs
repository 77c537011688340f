using System.Globalization;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Matches the capability catalogue against the requirements model and applies each matched capability to the plan:
/// its components (when the plan has none with that id) on the kit's technology for this hosting. All knowledge is in
/// capabilities.json; this code only reads the model.
/// </summary>
internal static class CapabilityMatcher
{
    public static void Apply(DesignFacts f, ComponentPlan plan, KnowledgeBase kb, CapabilityCatalog catalog)
    {
        var model = f.Context.Requirements;
        var texts = model.UseCases.Select(u => u.Text)
            .Concat(model.Entities.Select(e => e.Name + " " + e.Text))
            .Concat(model.Constraints.Select(c => c.Value + " " + c.Text))
            .Concat(model.ExistingDecisions.Select(d => d.Text))
            .Concat(model.Figures.Select(x => x.Text))
            .ToList();
        var hosting = plan.Kit?.Hosting switch
        {
            "on-prem" => "onPrem",
            "aws" or "azure" or "gcp" => plan.Kit.Hosting,
            _ => "hosted",
        };
        foreach (var capability in catalog.Capabilities)
        {
            if (Because(capability.Triggers, model, texts) is not { } because)
            {
                continue;
            }

            var techText = capability.Technologies.GetValueOrDefault(hosting) ?? "";
            // A product the brief rules out ("nobody here wants to run Kafka") is never brought in by a capability.
            var tech = kb.Technology(techText) is { Deprecated: false } t && !f.Excludes(KitFitter.ShortName(t.Name)) ? t : null;
            if (tech is null && kb.Technology(techText) is not null)
            {
                techText = $"{techText} is ruled out by the brief; the existing stack covers it";
            }

            var added = new List<string>();
            foreach (var component in capability.Components.Where(c => !plan.Has(c.Id)))
            {
                plan.Add(component.Id, component.Name, component.Kind, component.Responsibility, tech, capability.Name);
                plan.Connect(From(plan, component.ConnectFrom), component.Id, capability.Name.ToLowerInvariant(), async: component.Kind is "worker" or "queue");
                added.Add(component.Name);
            }

            plan.Capabilities.Add(new CapabilityUse
            {
                Id = capability.Id,
                Name = capability.Name,
                Because = because,
                Technology = tech?.Name ?? techText,
                Components = added.Count > 0 ? added : [.. capability.Components.Where(c => plan.Has(c.Id)).Select(c => c.Name)],
                Risk = capability.Risks.FirstOrDefault() ?? "",
                ScalingTrigger = capability.ScalingTriggers.FirstOrDefault() ?? "",
            });
        }
    }

    // The first feature of the model that calls for the capability, quoted, or null when none does.
    private static string? Because(CapabilityTriggers t, RequirementsModel model, List<string> texts)
    {
        if (model.UseCases.FirstOrDefault(u => t.Verbs.Any(v => string.Equals(u.Action, v, StringComparison.OrdinalIgnoreCase))
                || t.Objects.Any(o => ExistingStack.Mentions(u.Object, o))) is { } useCase)
        {
            return $"use case: {useCase.Actor} {useCase.Action} {useCase.Object}".Replace("  ", " ", StringComparison.Ordinal);
        }

        if (model.Workload.FirstOrDefault(w => t.Shapes.Contains(w.Shape)) is { } shape)
        {
            return $"{shape.Shape} workload: \"{shape.Evidence}\"";
        }

        if (model.QualityTargets.FirstOrDefault(q => t.Qualities.Contains(q.Attribute)) is { } quality)
        {
            return $"{quality.Attribute} target: \"{quality.Text}\"";
        }

        if (model.Constraints.FirstOrDefault(c => t.Constraints.Contains(c.Kind)) is { } constraint)
        {
            return $"{constraint.Kind} constraint: \"{constraint.Value}\"";
        }

        foreach (var threshold in t.Figures)
        {
            if (model.Figures.FirstOrDefault(x => x.Unit.Contains(threshold.Unit, StringComparison.OrdinalIgnoreCase) && x.Value >= threshold.AtLeast) is { } figure)
            {
                return $"figure: {figure.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} {figure.Unit} (≥ {threshold.AtLeast.ToString("#,0", CultureInfo.InvariantCulture)})";
            }
        }

        return t.Words.FirstOrDefault(w => texts.Any(x => ExistingStack.Mentions(x, w))) is { } word ? $"the brief says \"{word}\"" : null;
    }

    private static string From(ComponentPlan plan, string connectFrom)
    {
        var core = plan.Has("app") ? "app" : plan.Has("core") ? "core" : "api";
        return connectFrom switch
        {
            "clients" => "clients",
            "jobs" when plan.Has("jobs") => "jobs",
            "worker" when plan.Has("worker") => "worker",
            "worker" when plan.Has("workers") => "workers",
            _ => core,
        };
    }
}
