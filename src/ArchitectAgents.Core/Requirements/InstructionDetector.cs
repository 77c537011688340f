using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Finds text that addresses the tool instead of describing a system: a note or imperative aimed at the AI, the
/// model, the assistant or the tool, asking it to change its verdict, drop its instructions or reveal its
/// configuration. Such text is recorded as data and never read as a requirement.
/// </summary>
public static partial class InstructionDetector
{
    /// <summary>Why the sentence reads as an instruction to the tool, or null.</summary>
    public static string? Why(string sentence)
    {
        var addressed = Addressed().IsMatch(sentence);
        var overrides = Override().IsMatch(sentence);
        var verdict = Verdict().IsMatch(sentence);
        var reveal = Reveal().IsMatch(sentence);
        if (overrides && (addressed || verdict || reveal))
        {
            return "asks the tool to drop or override its instructions";
        }

        if (verdict && (addressed || overrides))
        {
            return "asks the tool to change its review verdict";
        }

        if (reveal)
        {
            return "asks the tool to reveal its configuration, keys or environment";
        }

        return addressed && Imperative().IsMatch(sentence) ? "addresses the tool with instructions" : null;
    }

    /// <summary>The instruction attempts among sentences.</summary>
    public static IEnumerable<InstructionAttempt> Find(IEnumerable<string> sentences, string source) =>
        sentences.Select(s => (s, Why: Why(s))).Where(x => x.Why is not null)
            .Select(x => new InstructionAttempt { Text = x.s, Source = source, Why = x.Why! });

    [GeneratedRegex(@"\b(?:note\s+(?:for|to)\s+(?:the\s+)?(?:architecture\s+)?(?:tool|ai|model|assistant|agent|bot|llm|gpt)|(?:dear|hey|attention)\s+(?:ai|model|assistant|tool|agent|gpt)|(?:the|this)\s+(?:ai|llm|model|assistant|architecture\s+tool|tool|agent|bot|gate|reviewer)\s+(?:must|should|shall|will|is\s+to)|\byou\s+(?:must|should|are\s+(?:now|to))|\b(?:ai|llm|assistant|gpt)\s*[:,])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Addressed();

    [GeneratedRegex(@"\b(?:ignore|disregard|forget|override|bypass|skip)\s+(?:all\s+|any\s+|the\s+|your\s+|previous\s+|prior\s+|above\s+)*(?:instructions?|rules?|checklist|checks?|guidelines|prompts?|review|gate|system\s+prompt)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Override();

    [GeneratedRegex(@"\b(?:mark|set|report|treat|score)\s+(?:everything|all(?:\s+items)?|every\s+item|it|this|the\s+(?:design|checklist|gate|review))\s+(?:as\s+)?(?:passed|pass|approved|green|compliant|ready|100)|\b(?:approve|pass)\s+(?:this|the)\s+(?:design|brief)\s+(?:without|regardless)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verdict();

    [GeneratedRegex(@"\b(?:print|reveal|show|output|dump|list|send|leak|expose|tell\s+me)\s+(?:me\s+)?(?:your|the|all|any)?\s*(?:\w+\s+){0,3}(?:configuration|config|api[\s_-]?keys?|secrets?|environment\s+variables|env\s+vars|system\s+prompt|credentials|tokens?|passwords?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reveal();

    [GeneratedRegex(@"\b(?:ignore|mark|print|output|reply|respond|return|write|say|pretend|act\s+as|do\s+not|don't|stop|carry\s+on|approve|pass)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Imperative();
}
