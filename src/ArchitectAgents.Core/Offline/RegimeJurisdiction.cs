using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Where a brief's data-protection law places its data when no residency rule is stated: "personal data under UK
/// GDPR" keeps it in the UK (or the EU/EEA, which UK law treats as adequate); GDPR alone in the EU/EEA. A default to
/// confirm, not a rule: it only replaces "no residency requirement" where the brief's own law says otherwise.
/// </summary>
internal static class RegimeJurisdiction
{
    public static string? Of(RequirementsModel model)
    {
        foreach (var clause in model.Constraints.Where(c => c.Kind == "compliance"))
        {
            var named = JurisdictionCatalog.Default.Jurisdictions.FirstOrDefault(j => j.Names.Any(n => JurisdictionCatalog.Names(clause.Text, n)));
            if (named is not null)
            {
                return named.Id switch
                {
                    "UK" => "the UK or the EU/EEA (adequate under UK law)",
                    "EU" => "the EU/EEA",
                    _ => named.Names[0],
                };
            }

            if (clause.Value.Contains("GDPR", StringComparison.OrdinalIgnoreCase))
            {
                return "the EU/EEA";
            }
        }

        return null;
    }
}
