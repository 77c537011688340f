using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Security;

/// <summary>
/// Finds text in a brief or its attachments that tries to instruct the system instead of describing what to build,
/// by its structure: a directive addressed to the tool (the AI, the assistant, the model, "the architecture tool"),
/// a request to change the verdict or skip the checks, a request to reveal configuration or secrets, or a forged
/// role marker (SYSTEM:, &lt;instructions&gt;). Each passage is reported as a high finding; nothing in it is obeyed.
/// </summary>
public static partial class InstructionDetector
{
    /// <summary>One instruction-like passage and why it is one.</summary>
    /// <param name="Source">brief, or brief.attachments[name].</param>
    /// <param name="Text">The passage.</param>
    /// <param name="Why">Which structure it has.</param>
    public sealed record Passage(string Source, string Text, string Why);

    /// <summary>Every instruction-like passage of the brief and its attachments.</summary>
    public static List<Passage> Find(BriefSection? brief)
    {
        var found = new List<Passage>();
        if (brief is null)
        {
            return found;
        }

        Scan("brief", brief.Text, found);
        foreach (var attachment in brief.Attachments)
        {
            Scan($"brief.attachments[{attachment.Name}]", attachment.Content, found);
        }

        return found;
    }

    private static void Scan(string source, string text, List<Passage> found)
    {
        // Sentences, with line breaks inside a sentence joined, so a wrapped instruction is seen whole.
        var joined = Regex.Replace(text, @"(?<!\n)\n(?!\n|\s*[-*#\d])", " ");
        foreach (var sentence in SentenceSplit().Split(joined).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var why = Why(sentence);
            if (why is not null)
            {
                found.Add(new Passage(source, sentence.Length > 240 ? sentence[..240] + "…" : sentence, why));
            }
        }
    }

    /// <summary>Every structure that makes the sentence an instruction to the tool, joined; null when it has none.</summary>
    public static string? Why(string sentence)
    {
        var why = new List<string>();
        if (RoleMarker().IsMatch(sentence))
        {
            why.Add("a forged role marker or instruction block");
        }

        if (Verdict().IsMatch(sentence) || SkipChecks().IsMatch(sentence))
        {
            why.Add("a request to change the verdict or skip the checks");
        }

        if (Reveal().IsMatch(sentence))
        {
            why.Add("a request to reveal configuration or secrets");
        }

        if (why.Count == 0 && Addressee().IsMatch(sentence) && Directive().IsMatch(sentence))
        {
            why.Add("a directive addressed to the tool");
        }

        return why.Count == 0 ? null : string.Join(" and ", why);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""'(])|\n\s*\n|\n(?=\s*[-*#\d])")]
    private static partial Regex SentenceSplit();

    // Upper-case role names only: "System: Rails monolith" in a brief is a heading, "SYSTEM:" is someone playing the engine.
    [GeneratedRegex(@"(?:^|\n|\s)(?:SYSTEM|ASSISTANT|DEVELOPER)\s*:|#+\s*[Ee]ngine rules|</?\s*(?:[Bb]rief|[Ii]nstructions?|[Ss]ystem|[Pp]rompt)\s*>")]
    private static partial Regex RoleMarker();

    [GeneratedRegex(@"\b(?:print|reveal|show|output|list|dump|display|echo|share|send|include|leak|tell\s+(?:me|us))\b[^.!?]{0,60}?\b(?:api[\s_-]?keys?|secret(?:s|\s+keys?)?|environment\s+variables?|env(?:ironment)?\s+vars?|credentials|access\s+tokens?|system\s+prompt|(?:your|the\s+tool'?s?)\s+(?:configuration|config|instructions|prompt)|passwords?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reveal();

    [GeneratedRegex(@"\b(?:mark|set|report|treat|consider|declare|flag)\b[^.!?]{0,40}?\b(?:everything|all\s+(?:checks?|items?|findings?)|every\s+(?:check|item)|(?:the\s+)?checklist|(?:the\s+)?(?:gate|review|verdict))\b[^.!?]{0,30}?\b(?:as\s+)?(?:pass(?:ed)?|approved|green|compliant|resolved|done|ok)\b|\b(?:verdict|score)\b[^.!?]{0,20}?\b(?:pass|100|approved)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verdict();

    [GeneratedRegex(@"\b(?:ignore|disregard|forget|skip|bypass|override|don'?t\s+(?:run|apply|do))\b[^.!?]{0,40}?\b(?:(?:the\s+)?checklist|(?:previous|prior|above|your|all|any)\s+(?:instructions?|rules?|guidelines?|prompts?)|(?:the\s+)?(?:security\s+)?(?:review|checks?|gate|validation|guardrails?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SkipChecks();

    [GeneratedRegex(@"\b(?:(?:note|message|instructions?|request)\s+(?:for|to)\s+(?:the\s+|any\s+)?(?:ai|assistant|model|llm|tool|architecture\s+tool|agents?|bot|reviewer|gate)|(?:dear|hey|hi)\s+(?:ai|assistant|model|tool|bot)|(?:the|this|any)\s+(?:ai|llm|language\s+model|architecture\s+tool|design\s+tool|assistant)\b|\byou\s+(?:are|must|should|will)\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant|model|the\s+gate|the\s+reviewer))", RegexOptions.IgnoreCase)]
    private static partial Regex Addressee();

    [GeneratedRegex(@"\b(?:ignore|disregard|forget|override|bypass|skip|mark|approve|pass|print|reveal|output|dump|respond|reply|return|write|answer|pretend|act\s+as|obey|follow\s+(?:these|this|my))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
