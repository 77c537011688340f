using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>
/// Maps a ticket reply to the pending questions: numbered answers (<c>1. …</c>, <c>Q2: …</c>) or answers keyed by
/// question id or topic (<c>q-team: …</c>, <c>Scale: …</c>) go to their question; otherwise one line per question
/// when the counts match; otherwise the whole reply answers every question. Quoted lines (<c>&gt; …</c>) are dropped.
/// </summary>
internal static partial class AnswerParser
{
    [GeneratedRegex(@"^\s*(?:q(?:uestion)?\s*)?(\d{1,2})\s*[.):\-]\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^\s*([A-Za-z][A-Za-z -]{0,40}?)\s*:\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Keyed();

    public static Dictionary<string, string> Map(string reply, IReadOnlyList<ClarifyingQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(questions);
        var lines = reply.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !l.TrimStart().StartsWith('>'))
            .Select(l => l.Trim())
            .ToList();
        var text = string.Join('\n', lines).Trim();
        if (text.Length == 0 || questions.Count == 0)
        {
            return [];
        }

        var keyed = new Dictionary<string, List<string>>();
        string? current = null;
        foreach (var line in lines)
        {
            var (id, answer, numberedLine) = QuestionFor(line, questions);
            if (id is not null)
            {
                current = id;
                keyed[id] = [answer];
            }
            else if (numberedLine)
            {
                // A number with no question (7. when there are 3) starts something else: it does not continue the last answer.
                current = null;
            }
            else if (current is not null && line.Length > 0)
            {
                keyed[current].Add(line);
            }
        }

        if (keyed.Count > 0)
        {
            return keyed.Where(k => string.Join(' ', k.Value).Trim().Length > 0)
                .ToDictionary(k => k.Key, k => string.Join(' ', k.Value).Trim());
        }

        var nonEmpty = lines.Where(l => l.Length > 0).ToList();
        if (questions.Count > 1 && nonEmpty.Count == questions.Count)
        {
            return questions.Zip(nonEmpty).ToDictionary(p => p.First.Id, p => p.Second);
        }

        return questions.ToDictionary(q => q.Id, _ => text);
    }

    private static (string? Id, string Answer, bool Numbered) QuestionFor(string line, IReadOnlyList<ClarifyingQuestion> questions)
    {
        if (Numbered().Match(line) is { Success: true } numbered)
        {
            var index = int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
            return index >= 0 && index < questions.Count ? (questions[index].Id, numbered.Groups[2].Value.Trim(), true) : (null, "", true);
        }

        if (Keyed().Match(line) is { Success: true } keyed)
        {
            var key = keyed.Groups[1].Value.Trim();
            var question = questions.FirstOrDefault(q => string.Equals(q.Id, key, StringComparison.OrdinalIgnoreCase) || string.Equals(q.Topic, key, StringComparison.OrdinalIgnoreCase));
            return question is null ? (null, "", false) : (question.Id, keyed.Groups[2].Value.Trim(), false);
        }

        return (null, "", false);
    }
}
