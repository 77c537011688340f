namespace ArchitectAgents.Core.Gate;

/// <summary>What one check measured: how much it looked at, and each contradiction it found with its evidence.</summary>
/// <param name="CheckId">The check's id.</param>
/// <param name="Title">What it checks.</param>
/// <param name="Examined">What it looked at, as a phrase with a count ("22 request schemas").</param>
/// <param name="Findings">What contradicts; empty when the check holds.</param>
/// <param name="FindingNoun">How to count the findings in a sentence ("request schemas expose server-owned fields").</param>
public sealed record CheckResult(string CheckId, string Title, string Examined, IReadOnlyList<Contradiction> Findings, string FindingNoun)
{
    /// <summary>True when the findings are shortfalls the design itself declares (a risk names them): a warning, not a failure.</summary>
    public bool Advisory { get; init; }

    /// <summary>True when nothing contradicts.</summary>
    public bool Holds => Findings.Count == 0;

    /// <summary>One sentence a person can check: the count, then the evidence of the first few findings.</summary>
    public string Evidence => Holds
        ? $"checked {Examined}: none found"
        : $"{Findings.Count} {FindingNoun}: {string.Join("; ", Findings.Take(6).Select(f => f.Describe()))}{(Findings.Count > 6 ? $"; … {Findings.Count - 6} more" : "")}{MeasuredSeparator}checked {Examined}";

    /// <summary>Separates what was found from how much was looked at; what was found is what a revision must change.</summary>
    public const string MeasuredSeparator = " — ";
}
