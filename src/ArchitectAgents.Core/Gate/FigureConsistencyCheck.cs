namespace ArchitectAgents.Core.Gate;

/// <summary>
/// RPO, RTO and availability are each stated with one value across the context (what was asked or assumed) and the
/// design (what is promised): two values mean one of them is wrong, whichever a reader trusts.
/// </summary>
public sealed class FigureConsistencyCheck : IDesignCheck
{
    /// <inheritdoc />
    public string Id => "figures";

    /// <inheritdoc />
    public string Title => "RPO, RTO and availability are stated with one value each across the context and the design";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var stated = view.Passages.SelectMany(RecoveryFigures.In).ToList();
        var findings = new List<Contradiction>();
        foreach (var group in stated.GroupBy(f => f.Figure, StringComparer.Ordinal))
        {
            var values = group.GroupBy(f => Math.Round(f.Value, 4)).ToList();
            if (values.Count > 1)
            {
                findings.Add(new Contradiction(group.Key, string.Join(" vs ", values.Select(v => $"{RecoveryFigures.Format(v.First())} in {v.First().Location} (\"{v.First().Text}\")"))));
            }
        }

        return new CheckResult(Id, Title, $"{stated.Count} statements of RPO, RTO or availability in {view.Passages.Count} passages", findings, "figure(s) stated with different values");
    }
}
