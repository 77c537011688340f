namespace ArchitectAgents.Core.Document;

/// <summary>A hard limit the design must respect.</summary>
public sealed class Constraint
{
    /// <summary>cloud, region, residency, hosting, stack, budget, deadline, team, compliance, identity, payments, exclusion, invariant, privacy, market (where the users are), retention or client (e.g. mobile-friendly).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The normalised value ("AWS", "eu-west-2", "UK/EU", "GDPR", "GBP 40/month").</summary>
    public string Value { get; set; } = "";

    /// <summary>The clause of the brief that states or triggers it.</summary>
    public string Text { get; set; } = "";
}
