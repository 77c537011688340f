namespace ArchitectAgents.Core.Document;

/// <summary>Something an actor does with the system: actor + action + object, pronouns resolved.</summary>
public sealed class UseCase
{
    /// <summary>Stable id within the document ("uc-1").</summary>
    public string Id { get; set; } = "";

    /// <summary>Who does it; "System" for behaviour the brief asks the system to perform by itself.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The verb in its base form, with its particle ("approve", "check in", "sign off").</summary>
    public string Action { get; set; } = "";

    /// <summary>What it is done to, in the brief's nouns ("leave request", "monthly CSV of approved leave").</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The grammatical object of the use case; the name readers of the JSON expect.")]
    public string Object { get; set; } = "";

    /// <summary>A stated rule on it ("within 10 s", "before funds are released"), when given.</summary>
    public string? Rule { get; set; }

    /// <summary>The brief's words that defer it past launch ("maybe … later on", "in a later phase"); null for launch scope.</summary>
    public string? Later { get; set; }

    /// <summary>The words of the brief it came from.</summary>
    public string Text { get; set; } = "";
}
