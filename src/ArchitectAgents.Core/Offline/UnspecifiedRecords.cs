using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Records the brief's use cases write but whose content it never describes (visit data, a form) are not filled with
/// invented fields: the design says which they are, who must specify them, and what stays weak until then.
/// </summary>
internal static class UnspecifiedRecords
{
    public static void AddRisk(DesignSection design, DesignFacts f)
    {
        var contract = OpenApiContract.Read(design.Api.OpenApiYaml);
        var shells = RecordContent.Shells(SqlSchema.Read(design.Database.Ddl), contract);
        if (shells.Count == 0)
        {
            return;
        }

        var tables = shells.Select(s => s.Table).ToList();
        var ids = contract.Operations.Where(o => o.Tables.Count > 0 && tables.Contains(o.Tables[0])).SelectMany(o => o.UseCases).ToHashSet(StringComparer.Ordinal);
        var actors = f.Context.Requirements.UseCases.Where(u => ids.Contains(u.Id)).Select(u => u.Actor.ToLowerInvariant()).Distinct().ToList();
        var who = actors.Count > 0 ? DesignWords.List(actors) : "the people who use them";
        design.Risks.Add(new Risk
        {
            Id = "risk-unspecified-records",
            Description = $"The brief does not say what {string.Join(", ", tables)} hold: those tables carry only their links{(shells.Any(s => s.Columns.Contains("notes")) ? " and a free-text note" : "")}, so the contract cannot validate what {who} enter and no report can rely on it",
            Likelihood = "high",
            Impact = "medium",
            Mitigation = $"Specify the fields of each with {who} before build (what is entered, which are required, coded values and units); each agreed field becomes a typed column through a migration and a validated request field.",
        });
    }
}
