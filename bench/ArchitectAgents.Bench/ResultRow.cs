namespace ArchitectAgents.Bench;

/// <summary>One line of the results table: a measured figure, the baseline measured in the same run, and their ratio.</summary>
/// <param name="Item">Item number and name, e.g. "1 Engine overhead".</param>
/// <param name="Metric">What was measured.</param>
/// <param name="Value">The figure, formatted with its unit.</param>
/// <param name="Baseline">The baseline it is compared with, formatted with its unit.</param>
/// <param name="Ratio">The ratio and what it divides, e.g. "0.93× (ours/raw)".</param>
/// <param name="Note">Anything needed to read the row honestly.</param>
public sealed record ResultRow(string Item, string Metric, string Value, string Baseline, string Ratio, string Note = "");
