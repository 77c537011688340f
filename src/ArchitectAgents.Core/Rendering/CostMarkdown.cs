using System.Globalization;
using System.Text;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Rendering;

/// <summary>The cost estimate and the capabilities used, as Markdown sections of architecture.md.</summary>
internal static class CostMarkdown
{
    public static void Render(StringBuilder sb, DesignSection d)
    {
        var cost = d.Cost;
        if (cost.Lines.Count > 0)
        {
            sb.Append("\n## 9. Cost estimate (monthly)\n\n");
            Md.Table(sb, ["Component", "Technology", "What is bought", $"{cost.Currency}/month"],
                cost.Lines.Select(l => new[] { l.Component, l.TechnologyId, l.Item, Money(l.PerMonth) }));
            sb.Append(cost.TotalOf.Length > 0 ? $"**Total ({Md.Inline(cost.TotalOf)}):** " : "**Total:** ").Append(cost.Currency).Append(' ').Append(Money(cost.TotalPerMonth)).Append(" a month");
            if (cost.BudgetPerMonth is { } budget)
            {
                sb.Append(" against the stated budget of ").Append(Md.Inline(cost.BudgetStated ?? "")).Append(" (≈ ").Append(cost.Currency).Append(' ').Append(Money(budget)).Append(')')
                  .Append(cost.OverBudget ? ": **over budget** (see the risks for cheaper alternatives)." : ": within budget.");
            }
            else if (cost.BudgetStated is { Length: > 0 } stated)
            {
                sb.Append("; the brief's budget has no figure (").Append(Md.Inline(stated)).Append("), so this is the smallest configuration that serves it (see the assumptions).");
            }
            else
            {
                sb.Append("; the brief states no running budget.");
            }

            sb.Append("\n\n");
            foreach (var assumption in cost.Assumptions.Append(cost.PriceSource))
            {
                sb.Append("- ").Append(Md.Inline(assumption)).Append('\n');
            }
        }

        if (d.Capabilities.Count > 0)
        {
            sb.Append("\n## Capabilities used\n\n");
            // Risks and growth triggers appear in sections 6 and 7; this table says why each capability is here.
            Md.Table(sb, ["Capability", "Because", "Technology", "Components"],
                d.Capabilities.Select(c => new[] { c.Name, c.Because, c.Technology, string.Join(", ", c.Components) }));
            var mechanisms = d.Capabilities.Where(c => c.Mechanism.Length > 0).ToList();
            if (mechanisms.Count > 0)
            {
                sb.Append("\n### How they work here\n\n");
                foreach (var c in mechanisms)
                {
                    var parts = c.Tables.Select(t => $"`{t}`").Concat(c.Operations.Select(o => $"`{o}`")).ToList();
                    sb.Append("- **").Append(Md.Inline(c.Name)).Append("**")
                      .Append(parts.Count > 0 ? $" ({string.Join(", ", parts)})" : "").Append(": ").Append(Md.Inline(c.Mechanism)).Append('\n');
                }
            }
        }
    }

    private static string Money(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
