namespace ArchitectAgents.Core.Document;

/// <summary>A choice already made: the design keeps it or records a departure with the reason.</summary>
public sealed class ExistingDecision
{
    /// <summary>What was decided, short ("MySQL 8 on AWS RDS", "Stripe for card payments", "not Microsoft Teams").</summary>
    public string Decision { get; set; } = "";

    /// <summary>Technologies it names, as the brief spells them.</summary>
    public List<string> Technologies { get; set; } = [];

    /// <summary>"brief", or the name of the attachment it came from.</summary>
    public string Source { get; set; } = "brief";

    /// <summary>The words it came from.</summary>
    public string Text { get; set; } = "";
}
