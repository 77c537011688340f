namespace ArchitectAgents.Core.Document;

/// <summary>Text in the brief or an attachment that addresses the tool with instructions; recorded, never obeyed.</summary>
public sealed class InstructionAttempt
{
    /// <summary>The words, as written.</summary>
    public string Text { get; set; } = "";

    /// <summary>"brief" or the attachment's name.</summary>
    public string Source { get; set; } = "brief";

    /// <summary>Why it reads as an instruction to the tool (addressed to it, asks to change the verdict or reveal configuration).</summary>
    public string Why { get; set; } = "";
}
