namespace ArchitectAgents.Core.Gate;

/// <summary>One contradiction, with what it concerns and the evidence a reader can check.</summary>
/// <param name="Subject">The operation, field, table, figure or technology concerned, for example PaymentCreate.status.</param>
/// <param name="Detail">The evidence: where it is and, for a figure, both values and where each is stated.</param>
public sealed record Contradiction(string Subject, string Detail)
{
    /// <summary>Subject and detail as one phrase.</summary>
    public string Describe() => Detail.Length == 0 ? Subject : $"{Subject} ({Detail})";
}
