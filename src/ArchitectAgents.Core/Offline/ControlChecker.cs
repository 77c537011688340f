using System.Text;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>Evaluates a control's mechanical check against a design.</summary>
internal sealed partial class ControlChecker(DesignSection design)
{
    private readonly string _text = AllText(design);

    public bool Satisfied(SecurityControl control)
    {
        var value = control.Check.Value;
        if (design.AdoptsProduct && control.Adopted.Length > 0)
        {
            return control.Adopted == "vendor" || control.Adopted.Split('|').Any(v => _text.Contains(v.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        return control.Check.Kind switch
        {
            "schema-table" => Regex.IsMatch(design.Database.Ddl, $@"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?{Regex.Escape(value)}\b", RegexOptions.IgnoreCase),
            "schema-column" => Regex.IsMatch(design.Database.Ddl, $@"^\s+{Regex.Escape(value)}\s+\w", RegexOptions.IgnoreCase | RegexOptions.Multiline),
            "api-path" => PathLine().Matches(design.Api.OpenApiYaml).Any(m => m.Groups[1].Value.Contains(value, StringComparison.OrdinalIgnoreCase)),
            "api-response" => Regex.IsMatch(design.Api.OpenApiYaml, $@"^\s+['""]?{Regex.Escape(value)}['""]?:", RegexOptions.Multiline),
            "design-mentions" => value.Split('|').Any(v => _text.Contains(v.Trim(), StringComparison.OrdinalIgnoreCase)),
            "technology-category" => design.Technologies.Any(t => string.Equals(t.Category, value, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
    }

    /// <summary>Everything a reader of the design sees, as one text.</summary>
    internal static string AllText(DesignSection d)
    {
        var sb = new StringBuilder();
        sb.AppendLine(d.Architecture.Pattern).AppendLine(d.Architecture.Reason);
        foreach (var c in d.Architecture.Components)
        {
            sb.AppendLine(c.Name).AppendLine(c.Responsibility);
        }

        sb.AppendLine(d.Api.OpenApiYaml).AppendLine(d.Api.Authentication).AppendLine(d.Api.ErrorModel);
        sb.AppendLine(d.Database.Ddl).AppendJoin('\n', d.Database.AccessPatterns).AppendLine().AppendJoin('\n', d.Database.MigrationNotes).AppendLine();
        foreach (var t in d.Technologies)
        {
            sb.AppendLine(t.Name).AppendLine(t.Purpose).AppendLine(t.Why);
        }

        foreach (var r in d.Risks)
        {
            sb.AppendLine(r.Description).AppendLine(r.Mitigation);
        }

        foreach (var t in d.Tradeoffs)
        {
            sb.AppendLine(t.Decision).AppendLine(t.OptimisesFor).AppendLine(t.Sacrifices);
        }

        var dep = d.Deployment;
        sb.AppendJoin('\n', dep.Pipeline).AppendLine().AppendLine(dep.Rollout).AppendJoin('\n', dep.Milestones).AppendLine().AppendLine(dep.Rollback)
          .AppendJoin('\n', dep.Observability).AppendLine().AppendJoin('\n', dep.SecurityControls).AppendLine().AppendLine(dep.DisasterRecovery);
        foreach (var phase in d.Scaling)
        {
            sb.AppendLine(phase.Trigger).AppendJoin('\n', phase.Actions).AppendLine();
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^  ['""]?(/[^:'""]*)['""]?:\s*$", RegexOptions.Multiline)]
    private static partial Regex PathLine();
}
