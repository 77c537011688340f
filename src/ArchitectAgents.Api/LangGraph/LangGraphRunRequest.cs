using System.Text.Json;
using ArchitectAgents.Api.Runs;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>
/// The body the LangGraph client sends to create a run (<c>runs.create</c>, <c>runs.stream</c>, <c>runs.wait</c>), read
/// field by field so every refusal names its field. Input is <c>{"brief": "..."}</c> or chat-style
/// <c>{"messages": [{"role": "user", "content": "..."}]}</c> (the last user message is the brief); a resume is
/// <c>{"command": {"resume": {"q-scale": "about 2,000 members"}}}</c>.
/// </summary>
internal sealed record LangGraphRunRequest(string AssistantId, string? Brief, JsonElement? Resume, IReadOnlyList<string> StreamModes, string MetadataJson)
{
    /// <summary>The stream modes offered: the document after each step, each node's writes, and every event.</summary>
    public static readonly string[] OfferedModes = ["values", "updates", "events"];

    /// <summary>
    /// Fields the client may send that change nothing here: the workflow has no configurable or context fields,
    /// every stream can be rejoined, and runs on a thread are always kept.
    /// </summary>
    private static readonly string[] WithoutEffect =
    [
        "config", "context", "stream_subgraphs", "stream_resumable", "feedback_keys", "durability", "checkpoint_during",
        "langsmith_tracer", "strict_resume", "on_completion", "if_not_exists",
    ];

    /// <summary>LangGraph features this service does not offer; refused when given, so a client never believes they took effect.</summary>
    private static readonly string[] NotOffered = ["interrupt_before", "interrupt_after", "checkpoint", "checkpoint_id", "webhook", "after_seconds"];

    private static readonly string[] Known = ["assistant_id", "input", "command", "stream_mode", "metadata", "multitask_strategy", "on_disconnect", .. WithoutEffect, .. NotOffered];

    private static readonly string[] InputFields = ["brief", "messages"];

    private static readonly string[] CommandFields = ["resume", "goto", "update"];

    /// <summary>Parses and checks a body; on failure the field and what is wrong with it.</summary>
    public static (LangGraphRunRequest? Request, string? Field, string? Error) Parse(JsonElement root, int maxBriefBytes)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "body", "must be a JSON object");
        }

        if (CreateRunRequest.UnknownField(root, Known, "", [], "") is { } unknown)
        {
            return (null, unknown.Field, unknown.Error);
        }

        foreach (var name in NotOffered)
        {
            if (Given(root, name, out _))
            {
                return (null, name, "is not offered by this service");
            }
        }

        if (!Given(root, "assistant_id", out var assistant) || assistant.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(assistant.GetString()))
        {
            return (null, "assistant_id", "is required: an assistant id or graph id from POST /assistants/search");
        }

        if (Given(root, "multitask_strategy", out var strategy) && (strategy.ValueKind != JsonValueKind.String || strategy.GetString() != "reject"))
        {
            return (null, "multitask_strategy", "only \"reject\" is offered: a thread runs one run at a time");
        }

        if (Given(root, "on_disconnect", out var disconnect) && (disconnect.ValueKind != JsonValueKind.String || disconnect.GetString() != "continue"))
        {
            return (null, "on_disconnect", "only \"continue\" is offered: a run goes on when its stream is closed (cancel it with runs.cancel)");
        }

        var metadata = "{}";
        if (Given(root, "metadata", out var meta))
        {
            if (meta.ValueKind != JsonValueKind.Object)
            {
                return (null, "metadata", "must be an object");
            }

            metadata = meta.GetRawText();
        }

        var (modes, modeError) = ParseModes(root);
        if (modes is null)
        {
            return (null, "stream_mode", modeError);
        }

        var hasInput = Given(root, "input", out var input);
        var hasCommand = Given(root, "command", out var command);
        if (hasInput && hasCommand)
        {
            return (null, "command", "give either input (a new design) or command (a resume), not both");
        }

        if (hasCommand)
        {
            var (resume, field, error) = ParseCommand(command);
            return resume is null ? (null, field, error) : (new LangGraphRunRequest(assistant.GetString()!, null, resume, modes, metadata), null, null);
        }

        if (!hasInput)
        {
            return (null, "input", "is required: an object such as {\"brief\": \"...\"} (or command.resume to answer an interrupt)");
        }

        var (brief, briefField, briefError) = ParseInput(input, maxBriefBytes);
        return brief is null ? (null, briefField, briefError) : (new LangGraphRunRequest(assistant.GetString()!, brief, null, modes, metadata), null, null);
    }

    /// <summary>Parses <c>stream_mode</c>, a mode or a list of them; <c>values</c> when absent, as on a LangGraph server.</summary>
    public static (List<string>? Modes, string? Error) ParseModes(JsonElement root)
    {
        if (!Given(root, "stream_mode", out var element))
        {
            return (["values"], null);
        }

        var given = element.ValueKind switch
        {
            JsonValueKind.String => [element],
            JsonValueKind.Array => element.EnumerateArray().ToList(),
            _ => null,
        };
        if (given is null || given.Any(m => m.ValueKind != JsonValueKind.String))
        {
            return (null, $"must be a stream mode or a list of them ({string.Join(", ", OfferedModes)})");
        }

        var modes = given.Select(m => m.GetString()!).Distinct(StringComparer.Ordinal).ToList();
        return ValidModes(modes);
    }

    /// <summary>Checks a list of stream modes against those offered.</summary>
    public static (List<string>? Modes, string? Error) ValidModes(List<string> modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        if (modes.FirstOrDefault(m => !OfferedModes.Contains(m, StringComparer.Ordinal)) is { } other)
        {
            return (null, $"'{other}' is not offered by this service (offered: {string.Join(", ", OfferedModes)})");
        }

        return modes.Count == 0 ? (["values"], null) : (modes, null);
    }

    private static (JsonElement? Resume, string? Field, string? Error) ParseCommand(JsonElement command)
    {
        if (command.ValueKind != JsonValueKind.Object)
        {
            return (null, "command", "must be an object such as {\"resume\": {\"q-scale\": \"...\"}}");
        }

        if (CreateRunRequest.UnknownField(command, CommandFields, "command.", [], "") is { } unknown)
        {
            return (null, unknown.Field, unknown.Error);
        }

        foreach (var name in new[] { "goto", "update" })
        {
            if (Given(command, name, out _))
            {
                return (null, $"command.{name}", "is not offered by this service; resume an interrupt with command.resume");
            }
        }

        if (!Given(command, "resume", out var resume) || resume.ValueKind != JsonValueKind.Object)
        {
            return (null, "command.resume", "is required: an object mapping question ids (from the interrupt's value.questions) to answer text");
        }

        return (resume.Clone(), null, null);
    }

    private static (string? Brief, string? Field, string? Error) ParseInput(JsonElement input, int maxBriefBytes)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return (null, "input", "must be an object such as {\"brief\": \"...\"}");
        }

        if (CreateRunRequest.UnknownField(input, InputFields, "input.", [], "") is { } unknown)
        {
            return (null, unknown.Field, unknown.Error);
        }

        if (input.TryGetProperty("brief", out var briefElement))
        {
            var (brief, error) = CreateRunRequest.ParseBrief(briefElement, maxBriefBytes);
            return brief is null ? (null, "input.brief", error) : (brief, null, null);
        }

        if (!Given(input, "messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return (null, "input.brief", "is required (or input.messages with a user message)");
        }

        // The newest user message is the request; earlier turns and assistant messages are context a chat UI keeps.
        var items = messages.EnumerateArray().ToList();
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var message = items[i];
            if (message.ValueKind != JsonValueKind.Object)
            {
                return (null, $"input.messages[{i}]", "must be an object such as {\"role\": \"user\", \"content\": \"...\"}");
            }

            var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()
                : message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (role is not ("user" or "human"))
            {
                continue;
            }

            if (!message.TryGetProperty("content", out var content))
            {
                return (null, $"input.messages[{i}].content", "is required");
            }

            var (brief, error) = CreateRunRequest.ParseBrief(TextOf(content) ?? content, maxBriefBytes);
            return brief is null ? (null, $"input.messages[{i}].content", error) : (brief, null, null);
        }

        return (null, "input.messages", "has no user message (role \"user\") to take the brief from");
    }

    /// <summary>The text of chat content given as parts (<c>[{"type": "text", "text": "..."}]</c>), joined; null when it is not parts.</summary>
    private static JsonElement? TextOf(JsonElement content)
    {
        if (content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var texts = content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "text"
                && p.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())
            .ToList();
        return texts.Count == 0 ? null : JsonSerializer.SerializeToElement(string.Join("\n", texts));
    }

    /// <summary>True when the property is present and not null (the client sends null for options left unset).</summary>
    private static bool Given(JsonElement element, string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
