using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>Finds catalogue technologies by category, stack and preference, so rules never hard-code versions.</summary>
internal sealed class TechnologyPicker(KnowledgeBase kb, string stack)
{
    /// <summary>The first technology of the category whose id or name contains one of the preferences (in order), on this stack; null when none fits.</summary>
    public TechnologyInfo? Pick(string category, params string[] preferences)
    {
        var candidates = kb.Technologies.Technologies
            .Where(t => string.Equals(t.Category, category, StringComparison.OrdinalIgnoreCase) && !t.Deprecated)
            .Where(t => t.Stacks.Count == 0 || t.Stacks.Contains("any") || t.Stacks.Contains(stack))
            .ToList();
        foreach (var preference in preferences)
        {
            var hit = candidates.FirstOrDefault(t => t.Id.Contains(preference, StringComparison.OrdinalIgnoreCase) || t.Name.Contains(preference, StringComparison.OrdinalIgnoreCase));
            if (hit is not null)
            {
                return hit;
            }
        }

        // Only stack-bound categories fall back to "whatever this stack has"; infrastructure is never guessed.
        return candidates.FirstOrDefault(t => t.Stacks.Contains(stack));
    }

    /// <summary>A technology of any category by id or name fragment; null when none fits.</summary>
    public TechnologyInfo? Find(string preference) =>
        kb.Technologies.Technologies.FirstOrDefault(t => !t.Deprecated && (t.Id.Contains(preference, StringComparison.OrdinalIgnoreCase) || t.Name.Contains(preference, StringComparison.OrdinalIgnoreCase)));
}
