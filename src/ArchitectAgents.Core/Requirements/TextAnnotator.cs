using System.Text.Json;
using ArchitectAgents.Core.Validation;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Sentence splitting, tokens, part-of-speech tags and lemmas from the NLP library (compromise, run by
/// <c>tools/validators/annotate.mjs</c> in one long-lived Node process shared by every run).
/// </summary>
public sealed class TextAnnotator : IAsyncDisposable
{
    private const string Package = "compromise";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<TextAnnotator> SharedInstance = new(() => new TextAnnotator(LocateTools()));
    private readonly NodeValidatorHost _host;
    private readonly string _toolsDirectory;

    /// <summary>Creates an annotator over a tools folder; Node starts on first use.</summary>
    public TextAnnotator(string toolsDirectory, string node = "node")
    {
        _toolsDirectory = toolsDirectory;
        _host = new NodeValidatorHost(toolsDirectory, node, TimeSpan.FromSeconds(60), "annotate.mjs");
    }

    /// <summary>The process-wide annotator, over the checkout's or the install's <c>tools/validators</c>.</summary>
    public static TextAnnotator Shared => SharedInstance.Value;

    /// <summary>Why annotation cannot run (the library is not installed), or null.</summary>
    public string? Missing => _host.MissingTool(Package);

    /// <summary>Annotates text, or returns why it could not.</summary>
    public async Task<(AnnotatedText? Text, string? Unavailable)> AnnotateAsync(string text, CancellationToken cancellationToken)
    {
        if (Missing is { } missing)
        {
            return (null, missing);
        }

        var (line, unavailable) = await _host.RequestAsync("annotate", text, cancellationToken).ConfigureAwait(false);
        if (unavailable is not null)
        {
            return (null, unavailable);
        }

        var reply = JsonSerializer.Deserialize<Reply>(line!, Json);
        if (reply is not { Ok: true, Sentences: { } sentences })
        {
            return (null, "the NLP library failed on this text");
        }

        return (new AnnotatedText([.. sentences.Select(s => ToSentence(text, s))]), null);
    }

    private static AnnotatedSentence ToSentence(string text, ReplySentence s)
    {
        var tokens = s.Terms.Select(t => new Token(t.T, t.N ?? t.T.ToLowerInvariant(), t.R ?? t.N ?? t.T.ToLowerInvariant(), t.O, t.Pre ?? "", t.Post ?? "", t.Tags.ToHashSet(StringComparer.Ordinal))).ToList();
        var start = tokens.Count > 0 ? Math.Clamp(tokens[0].Offset, 0, text.Length) : 0;
        var last = tokens.Count > 0 ? tokens[^1] : null;
        var end = last is null ? start : Math.Clamp(last.Offset + last.Text.Length + last.Post.TrimEnd().Length, start, text.Length);
        return new AnnotatedSentence(text[start..end].Trim(), tokens);
    }

    private static string LocateTools()
    {
        var roots = new List<string> { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        for (var dir = Directory.GetParent(AppContext.BaseDirectory); dir is not null && roots.Count < 10; dir = dir.Parent)
        {
            roots.Add(dir.FullName);
        }

        return roots.Select(r => Path.Combine(r, "tools", "validators")).FirstOrDefault(d => File.Exists(Path.Combine(d, "annotate.mjs")))
            ?? Path.Combine(AppContext.BaseDirectory, "tools", "validators");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>The tools folder in use.</summary>
    public override string ToString() => _toolsDirectory;

    private sealed class Reply
    {
        public bool Ok { get; set; }
        public List<ReplySentence>? Sentences { get; set; }
    }

    private sealed class ReplySentence
    {
        public List<ReplyTerm> Terms { get; set; } = [];
    }

    private sealed class ReplyTerm
    {
        public string T { get; set; } = "";
        public string? N { get; set; }
        public string? R { get; set; }
        public int O { get; set; }
        public string? Pre { get; set; }
        public string? Post { get; set; }
        public List<string> Tags { get; set; } = [];
    }
}
