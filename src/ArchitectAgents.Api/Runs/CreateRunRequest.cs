using System.Text.Json;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Runs.Requests;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// The body of <c>POST /v1/runs</c>, read field by field so every error names its field.
/// <code>{"brief": "...", "workflow": "architect-design", "options": {"interactive": true, "questionTimeoutSeconds": 600,
/// "models": {"*": "gpt", "designer": "gpt-large"}, "budget": {"maxTokens": 200000, "maxCostUsd": 2.5}},
/// "callbackUrl": "https://...", "attachments": [{"name": "architecture.md", "content": "..."}]}</code>
/// </summary>
internal sealed record CreateRunRequest(string Brief, string? Workflow, bool Interactive, int? QuestionTimeoutSeconds, string? CallbackUrl, IReadOnlyList<AttachedDocument> Attachments)
{
    /// <summary>What the run may spend on models (<c>options.budget</c>).</summary>
    public RunBudget? Budget { get; init; }

    /// <summary>Model names by agent id, or <c>*</c> for all (<c>options.models</c>).</summary>
    public IReadOnlyDictionary<string, string>? Models { get; init; }

    /// <summary>The top-level fields; <see cref="CreateRunBody"/> documents the same ones (a test compares them).</summary>
    internal static readonly string[] TopLevelFields = ["brief", "workflow", "options", "callbackUrl", "attachments"];

    /// <summary>The fields of <c>options</c>; <see cref="CreateRunOptionsBody"/> documents the same ones.</summary>
    internal static readonly string[] OptionFields = ["interactive", "questionTimeoutSeconds", "budget", "models"];

    /// <summary>The fields of a budget object.</summary>
    internal static readonly string[] BudgetFields = ["maxTokens", "maxCostUsd"];

    /// <summary>The first property of <paramref name="element"/> that is not one of <paramref name="known"/>, with a hint when it belongs elsewhere.</summary>
    internal static (string Field, string Error)? UnknownField(JsonElement element, string[] known, string prefix, string[] elsewhere, string elsewherePrefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (known.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var field = prefix + property.Name;
            var sameName = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            var belongs = elsewhere.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            var error = sameName is not null ? $"is not a known field; did you mean '{prefix}{sameName}'? (names are case-sensitive)"
                : belongs is not null ? $"is not a field here; it goes in '{elsewherePrefix}{belongs}'"
                : $"is not a known field (known: {string.Join(", ", known.Select(k => prefix + k))})";
            return (field, error);
        }

        return null;
    }

    /// <summary>
    /// Checks a brief: a non-empty string within the size limit, without control characters other than line breaks
    /// and tabs. Shared with the LangGraph-compatible API, whose brief arrives inside <c>input</c>.
    /// </summary>
    internal static (string? Brief, string? Error) ParseBrief(JsonElement element, int maxBriefBytes)
    {
        if (element.ValueKind is not (JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return (null, "must be a string");
        }

        var brief = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return RunRequestCheck.BriefProblem(brief, maxBriefBytes) is { } problem ? (null, problem) : (brief, null);
    }

    /// <summary>Parses and checks a request; on failure returns the field and what is wrong with it.</summary>
    public static (CreateRunRequest? Request, string? Field, string? Error) Parse(JsonElement root, int maxBriefBytes)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "body", "must be a JSON object");
        }

        // A misspelt or misplaced field is an error, not silently dropped: "callbackURL" must not mean "no callback".
        if (UnknownField(root, TopLevelFields, "", OptionFields, "options.") is { } unknown)
        {
            return (null, unknown.Field, unknown.Error);
        }

        var (brief, briefError) = ParseBrief(root.TryGetProperty("brief", out var briefElement) ? briefElement : default, maxBriefBytes);
        if (brief is null)
        {
            return (null, "brief", briefError);
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(brief);

        string? workflow = null;
        if (root.TryGetProperty("workflow", out var wf) && wf.ValueKind != JsonValueKind.Null)
        {
            if (wf.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(wf.GetString()))
            {
                return (null, "workflow", "must be a workflow id");
            }

            workflow = wf.GetString();
        }

        var interactive = false;
        int? timeout = null;
        RunBudget? budget = null;
        Dictionary<string, string>? models = null;
        if (root.TryGetProperty("options", out var options) && options.ValueKind != JsonValueKind.Null)
        {
            if (options.ValueKind != JsonValueKind.Object)
            {
                return (null, "options", "must be an object");
            }

            if (UnknownField(options, OptionFields, "options.", TopLevelFields, "") is { } unknownOption)
            {
                return (null, unknownOption.Field, unknownOption.Error);
            }

            if (options.TryGetProperty("interactive", out var i) && i.ValueKind != JsonValueKind.Null)
            {
                if (i.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return (null, "options.interactive", "must be true or false");
                }

                interactive = i.GetBoolean();
            }

            if (options.TryGetProperty("questionTimeoutSeconds", out var t) && t.ValueKind != JsonValueKind.Null)
            {
                if (t.ValueKind != JsonValueKind.Number || !t.TryGetInt32(out var seconds) || seconds is < 1 or > 7 * 24 * 3600)
                {
                    return (null, "options.questionTimeoutSeconds", "must be a whole number of seconds between 1 and 604800");
                }

                timeout = seconds;
            }

            if (options.TryGetProperty("budget", out var b) && b.ValueKind != JsonValueKind.Null)
            {
                var (parsedBudget, budgetField, budgetError) = ParseBudget(b, "options.budget");
                if (parsedBudget is null)
                {
                    return (null, budgetField, budgetError);
                }

                budget = parsedBudget;
            }

            if (options.TryGetProperty("models", out var m) && m.ValueKind != JsonValueKind.Null)
            {
                if (m.ValueKind != JsonValueKind.Object)
                {
                    return (null, "options.models", "must be an object mapping agent ids (or \"*\") to model names");
                }

                models = [];
                foreach (var entry in m.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(entry.Value.GetString()))
                    {
                        return (null, $"options.models.{entry.Name}", "must be a model name");
                    }

                    models[entry.Name] = entry.Value.GetString()!;
                }
            }
        }

        string? callback = null;
        if (root.TryGetProperty("callbackUrl", out var cb) && cb.ValueKind != JsonValueKind.Null)
        {
            if (cb.ValueKind != JsonValueKind.String || !Uri.TryCreate(cb.GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return (null, "callbackUrl", "must be an absolute http or https URL");
            }

            callback = cb.GetString();
        }

        var attachments = new List<AttachedDocument>();
        if (root.TryGetProperty("attachments", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > RunRequestCheck.MaxAttachments)
            {
                return (null, "attachments", $"must be an array of at most {RunRequestCheck.MaxAttachments} {{name, content}} objects");
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString())
                    || !item.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
                {
                    return (null, $"attachments[{index}]", "must have a string 'name' and a string 'content'");
                }

                attachments.Add(new AttachedDocument { Name = name.GetString()!, Content = content.GetString()! });
                index++;
            }

            if (RunRequestCheck.AttachmentsProblem(attachments, bytes, maxBriefBytes) is { } attachmentProblem)
            {
                return (null, attachmentProblem.Field, attachmentProblem.Error);
            }
        }

        return (new CreateRunRequest(brief!, workflow, interactive, timeout, callback, attachments) { Budget = budget, Models = models }, null, null);
    }

    /// <summary>Parses <c>{"maxTokens": n, "maxCostUsd": x}</c>; at least one limit, both positive.</summary>
    public static (RunBudget? Budget, string? Field, string? Error) ParseBudget(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, field, "must be an object with maxTokens and/or maxCostUsd");
        }

        long? tokens = null;
        decimal? cost = null;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "maxTokens" when property.Value.ValueKind == JsonValueKind.Null:
                case "maxCostUsd" when property.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "maxTokens":
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out var t) || t <= 0)
                    {
                        return (null, $"{field}.maxTokens", "must be a positive whole number");
                    }

                    tokens = t;
                    break;
                case "maxCostUsd":
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDecimal(out var c) || c <= 0)
                    {
                        return (null, $"{field}.maxCostUsd", "must be a positive number of US dollars");
                    }

                    cost = c;
                    break;
                default:
                    return (null, $"{field}.{property.Name}", "is not a budget field (use maxTokens and maxCostUsd)");
            }
        }

        return tokens is null && cost is null
            ? (null, field, "must set maxTokens and/or maxCostUsd")
            : (new RunBudget { MaxTokens = tokens, MaxCostUsd = cost }, null, null);
    }
}
