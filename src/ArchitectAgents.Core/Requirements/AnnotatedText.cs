namespace ArchitectAgents.Core.Requirements;

/// <summary>One token as the NLP library tagged it.</summary>
/// <param name="Text">As written.</param>
/// <param name="Normal">Lower-cased, normalised.</param>
/// <param name="Lemma">Base form ("guests" → "guest"), or the normal form when the library gives none.</param>
/// <param name="Offset">Character offset in the annotated text.</param>
/// <param name="Pre">Punctuation before it (an opening bracket or quote).</param>
/// <param name="Post">Punctuation and space after it.</param>
/// <param name="Tags">Part-of-speech tags (Noun, Verb, Adjective, Preposition, …).</param>
public sealed record Token(string Text, string Normal, string Lemma, int Offset, string Pre, string Post, IReadOnlySet<string> Tags)
{
    /// <summary>True when the token carries the tag.</summary>
    public bool Is(string tag) => Tags.Contains(tag);

    /// <summary>True when a comma, semicolon, colon or sentence end follows it.</summary>
    public bool Breaks => Post.IndexOfAny([',', ';', ':', '.', '(', ')', '!', '?']) >= 0;
}

/// <summary>A sentence: its text and tokens.</summary>
public sealed record AnnotatedSentence(string Text, IReadOnlyList<Token> Tokens);

/// <summary>The brief after the NLP library read it.</summary>
public sealed record AnnotatedText(IReadOnlyList<AnnotatedSentence> Sentences);
