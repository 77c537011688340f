namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Responsibilities of the components every plan has (clients, database, worker, observability), said of this
/// design once its actors, tables and third parties are known: the planner lays components out before the tables
/// exist, so its sentences were the same in every report.
/// </summary>
internal static class ComponentWording
{
    public static void Apply(ComponentPlan plan, DesignWords w, DesignFacts f)
    {
        var externals = plan.Components.Where(c => c.Kind == "external" && c.Id != "idp").Select(c => c.Name).ToList();
        foreach (var c in plan.Components)
        {
            var said = c.Id switch
            {
                "clients" when w.People.Count > 0 => $"{DesignWords.List(w.People)} call the public API over HTTPS{(plan.ClientPlatforms.Count > 0 ? ", " + ExternalSystems.Platforms(plan) : "")}.",
                "db" when w.Tables.Count > 0 => $"System of record for {DesignWords.List(w.Tables)}; one schema per module ({ComponentPlanner.Modules(f)}).",
                _ when c.Kind == "queue" && c.Responsibility == "Outbox events and background jobs with retries and a dead-letter queue." && externals.Count > 0 => $"Outbox events and background jobs for {DesignWords.List(externals)}, with retries and a dead-letter queue.",
                "worker" => $"Same codebase, separate process: runs the outbox jobs{(externals.Count > 0 ? $" and the calls to {DesignWords.List(externals)}" : "")} off the request path.",
                "otel" => $"Collects traces, metrics and logs of {DesignWords.List(plan.Components.Where(x => x.Kind is "service" or "worker").Select(x => x.Name))} (OpenTelemetry SDKs), with dashboards and SLO alerts.",
                _ => null,
            };
            if (said is null)
            {
                continue;
            }

            // The technology table quotes the planner's purpose; keep it in step with the component.
            var index = plan.Technologies.FindIndex(t => t.Tech.Id == c.TechnologyId && t.Purpose == c.Responsibility);
            if (index >= 0)
            {
                plan.Technologies[index] = (plan.Technologies[index].Tech, said);
            }

            c.Responsibility = said;
        }
    }
}
