using System.Globalization;
using System.Text;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Rendering;

/// <summary>The requirements model as Markdown: the "Requirements" part of architecture.md and the output of <c>architect requirements</c>.</summary>
public static class RequirementsMarkdown
{
    /// <summary>Renders the model under a heading of the given level.</summary>
    public static string Render(RequirementsModel r, int level = 2)
    {
        var h = new string('#', level);
        var sb = new StringBuilder();
        sb.Append(h).Append(" Requirements\n\n");
        sb.Append("Read from the brief: every row quotes the words it came from. Language: ").Append(r.Language).Append(".\n\n");
        foreach (var note in r.ReaderNotes)
        {
            sb.Append("> ").Append(Md.Inline(note)).Append("\n\n");
        }

        sb.Append(h).Append("# Actors\n\n");
        Md.Table(sb, ["Actor", "Kind"], r.Actors.Select(a => new[] { a.Name, a.Kind }));
        sb.Append(h).Append("# Use cases\n\n");
        // Deferred use cases are listed too, so a reader sees they were read and put off, not missed.
        Md.Table(sb, ["Id", "Actor", "Action", "Object", "Rule", "From the brief"], r.UseCases.Concat(r.Later).Select(u => new[] { u.Id, u.Actor, u.Action, u.Object, u.Later is null ? u.Rule ?? "" : $"later (\"{u.Later}\"): not built at launch", Clip(u.Text) }));
        sb.Append(h).Append("# Entities\n\n");
        Md.Table(sb, ["Entity", "States", "Retention", "Facts"], r.Entities.Select(e => new[] { e.Name, string.Join(", ", e.States), e.Retention ?? "", string.Join(" / ", e.Facts.Select(Clip)) }));
        sb.Append(h).Append("# Figures\n\n");
        Md.Table(sb, ["Id", "Quantity", "Value", "Unit", "Applies to", "Words"], r.Figures.Select(f => new[]
        {
            f.Id, f.Quantity, f.Value.ToString("#,0.###", CultureInfo.InvariantCulture), f.Unit, f.AppliesTo ?? "",
            f.Derived ? "DERIVED: " + f.Derivation : "\"" + f.Text + "\"",
        }));
        sb.Append(h).Append("# Quality targets\n\n");
        Md.Table(sb, ["Attribute", "Bound", "Words"], r.QualityTargets.Select(q => new[]
        {
            q.Attribute,
            (q.Value is { } v ? v.ToString("#,0.###", CultureInfo.InvariantCulture) + " " : "") + q.Unit + (q.Percentile is { } p ? " " + p : "") + (q.Unit == "clock" ? " " + q.Scope : ""),
            "\"" + q.Text + "\"",
        }));
        sb.Append(h).Append("# Constraints\n\n");
        Md.Table(sb, ["Kind", "Value", "From the brief"], r.Constraints.Select(c => new[] { c.Kind, c.Value, Clip(c.Text) }));
        sb.Append(h).Append("# Existing decisions\n\n");
        Md.Table(sb, ["Decision", "Technologies", "Source"], r.ExistingDecisions.Select(d => new[] { d.Decision, string.Join(", ", d.Technologies), d.Source }));
        sb.Append(h).Append("# Workload\n\n");
        Md.Table(sb, ["Shape", "Evidence"], r.Workload.Select(w => new[] { w.Shape, Clip(w.Evidence) }));
        if (r.InstructionAttempts.Count > 0)
        {
            sb.Append(h).Append("# Text that tried to instruct the tool (not followed)\n\n");
            Md.Table(sb, ["Source", "Why", "Text"], r.InstructionAttempts.Select(i => new[] { i.Source, i.Why, Clip(i.Text) }));
        }

        return sb.ToString();
    }

    private static string Clip(string s) => s.Length <= 140 ? s : s[..137] + "…";
}
