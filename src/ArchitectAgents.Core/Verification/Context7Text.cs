namespace ArchitectAgents.Core.Verification;

/// <summary>
/// Reads context7's tool text. The server reports upstream and network errors as ordinary text without
/// <c>isError</c>, so every answer is checked against the texts it is known to use for failures.
/// </summary>
public static class Context7Text
{
    // Prefixes the server (4.x, src/lib/api.ts and index.ts) uses for failures.
    private static readonly string[] FailurePrefixes =
    [
        "Error searching libraries",
        "Error fetching library context",
        "Rate limited or quota exceeded",
        "The library you are trying to access does not exist",
        "Invalid API key",
        "Request failed with status",
        "Documentation not found or not finalized",
        "Unauthorized",
        "Input validation error",
        "No libraries found",
    ];

    /// <summary>The failure <paramref name="text"/> reports, or null when it reads like an answer.</summary>
    public static string? Failure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "empty answer";
        }

        return FailurePrefixes.Any(p => trimmed.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ? Shorten(trimmed, 200) : null;
    }

    /// <summary>The libraries of a <c>resolve-library-id</c> answer, in the server's order.</summary>
    public static IReadOnlyList<Context7Library> Libraries(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var libraries = new List<Context7Library>();
        foreach (var block in text.Split("----------", StringSplitOptions.RemoveEmptyEntries))
        {
            string? id = null, title = null, reputation = null;
            IReadOnlyList<string> versions = [];
            foreach (var raw in block.Split('\n'))
            {
                var line = raw.Trim();
                if (Field(line, "Context7-compatible library ID") is { } i) id = i;
                else if (Field(line, "Title") is { } t) title = t;
                else if (Field(line, "Source Reputation") is { } r) reputation = r;
                else if (Field(line, "Versions") is { } v) versions = [.. v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            }

            if (id is { Length: > 0 } && id.StartsWith('/'))
            {
                libraries.Add(new Context7Library(id, title ?? id, reputation, versions));
            }
        }

        return libraries;
    }

    /// <summary>
    /// The library to use for <paramref name="libraryName"/>: one whose title matches the name, else the first
    /// (the server orders by relevance); null when there is none.
    /// </summary>
    public static Context7Library? Pick(IReadOnlyList<Context7Library> libraries, string libraryName)
    {
        ArgumentNullException.ThrowIfNull(libraries);
        var wanted = Normalise(libraryName);
        return libraries.FirstOrDefault(l => Normalise(l.Title) == wanted)
            ?? libraries.FirstOrDefault(l => Normalise(l.Id).EndsWith(wanted, StringComparison.Ordinal))
            ?? (libraries.Count > 0 ? libraries[0] : null);
    }

    /// <summary>
    /// A short excerpt of a docs answer: the first passage that speaks of the chosen version, deprecations, breaking
    /// changes or security, else the beginning.
    /// </summary>
    public static string Excerpt(string docs, string chosenVersion, int maxLength = 300)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var lines = docs.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("```", StringComparison.Ordinal) && !l.All(c => c is '-' or '=' or '#')).ToList();
        var major = string.Join('.', VersionText.Numbers(chosenVersion).Take(2));
        string[] keywords = ["deprecat", "breaking", "security", "vulnerab", "end of life", "removed"];
        var index = lines.FindIndex(l => (major.Length > 0 && l.Contains(major, StringComparison.Ordinal)) || keywords.Any(k => l.Contains(k, StringComparison.OrdinalIgnoreCase)));
        var start = index < 0 ? 0 : index;
        return Shorten(string.Join(' ', lines.Skip(start).Take(4)), maxLength);
    }

    private static string? Field(string line, string name)
    {
        var prefix = "- " + name + ":";
        return line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? line[prefix.Length..].Trim() : null;
    }

    private static string Normalise(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
